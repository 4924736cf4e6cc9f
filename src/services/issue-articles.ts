// The articles found in a journal issue, as the documents that store them: each one's id is
// derived from the issue's id and its range, so that splitting the same issue again names the
// same articles (and a changed split replaces them).
import { createHash } from 'node:crypto';
import { formatRange, type FoundArticle } from '../analysis/articles/index.js';
import type { AnalysisResult } from '../analysis/index.js';
import type { NewArticle } from '../store/documents-repository.js';

export function issueArticleDocuments(issueId: string, issueFilename: string, articles: readonly FoundArticle[]): NewArticle[] {
  return articles.map((article, i) => {
    const range = formatRange(article.range);
    const pages = article.range.start.page === article.lastPage ? `p. ${article.lastPage}` : `pp. ${article.range.start.page}-${article.lastPage}`;
    return {
      id: createHash('sha256').update(`${issueId}\narticle\n${range}`).digest('hex'),
      position: i + 1,
      range,
      filename: `${issueFilename} (${pages})`.slice(0, 255),
      title: article.title,
      authors: article.authors,
    };
  });
}

/**
 * What is stored of an issue split into articles: its record, text and warnings, but no factors,
 * abbreviations or search sentences — those are its articles', and counting them on the issue
 * too would count every mention twice in the tables, comparisons and search.
 */
export function asSplitIssue(result: AnalysisResult, articles: number): AnalysisResult {
  const document = result.summary.document;
  const warning = `a journal issue: its ${articles} articles are stored as documents of their own, where their factors are counted`;
  return {
    ...result,
    sentences: [],
    summary: { ...result.summary, factors: [], candidates: [], abbreviations: [], document: { ...document, salientFactors: [], warnings: [...document.warnings, warning] } },
  };
}
