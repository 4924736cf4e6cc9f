// What the server tells users, in English: one entry per message, {name} filled in from the
// error's details (a list is written out with commas). The same keys are in ru.ts (the type checks
// it, test/api/messages.test.ts too); the pages' own texts are in src/api/public/js/i18n/, in the
// same {name} notation.
export const en = {
  // Requests the API cannot read.
  'route.notFound': 'No API route {method} {path}.',
  'query.invalid': 'Query parameter {parameter}{given}: {reason}',
  'query.nul': 'The URL contains a NUL character (%00).',
  'query.tooManyValues': 'at most {max} values',
  'query.languageCode': 'a language code such as ru or en',
  'query.yearRange': 'a year (2019) or a range (2015-2020, 2015-, -2020)',
  'query.yearBetween': 'a year between {from} and {to}',
  'query.nothingToCorrect': 'nothing to correct',
  'query.invalidValue': 'invalid',
  'query.searchWhat': 'say what to search for',
  'body.tooLarge': 'The request body is too large (counted after decompression); send large files as multipart/form-data.',
  'body.invalidJson': 'The request body is not valid JSON.',
  'body.unsupportedEncoding': 'The Content-Encoding is not supported; use gzip, deflate, br or none.',
  'body.unsupportedCharset': 'The request charset is not supported; send UTF-8.',
  'body.aborted': 'The request body ended before it was complete.',
  'body.badLength': 'The request body is not as long as its Content-Length says.',
  'body.unreadable': 'The request body could not be read.',
  'body.badCompression': 'The request body is not valid for its Content-Encoding.',
  'body.malformedMultipart': 'The upload is not a well-formed multipart form: {reason}.',
  'body.badRequest': 'Bad request.',

  // Who may write, and how often.
  'access.invalidKey': 'The API key is unknown or revoked.',
  'access.keyRequired': 'Writing needs an API key: send "Authorization: Bearer <key>" (create one with `policylens keys create`).',
  'access.dashboardKeyRequired': 'The queue dashboard needs an API key: give it as the password (any user name).',
  'access.rateLimited': 'Too many requests; try again in {seconds} s.',

  // The server's own state.
  'server.storageFull': "The server's storage is full; nothing was stored. Try again later.",
  'server.unavailable': 'The database is not reachable right now; nothing was stored. Try again shortly.',
  'server.internal': 'Something went wrong on our side; the error was logged.',

  // Uploads.
  'upload.noFiles': 'Send one or more files in the multipart field "files".',
  'upload.fileTooLarge': 'A file is larger than the upload limit.',
  'upload.namedFileTooLarge': '{filename} is larger than the upload limit.',
  'upload.tooManyFiles': 'Too many files in one request.',
  'upload.tooManyFilesCounted': 'Too many files in one request: {count}, at most {max}.',
  'upload.unexpectedField': 'Unexpected file field "{field}"; send files in the field "files".',
  'upload.invalidBody': 'Expected { "files": [{ "filename", "contentBase64" }], "collection"?, "password"?, "year"?, "splitIssues"? }.',
  'upload.notBase64': '{filename}: "contentBase64" is not base64.',
  'upload.invalidYear': '"year" must be a year between {from} and {to}, not {value}.',
  'upload.invalidPassword': 'Expected "password" as a string of at most {max} characters, without NUL.',
  'upload.fileRejected': '{filename}: {message}',
  'upload.rejectedAll': 'No file was accepted. {files}',

  // Why a file is not analyzed (the codes of a document's error).
  'analysis.unsupported_media_type': 'Not a PDF, text or Markdown file.',
  'analysis.empty_file': 'The file is empty.',
  'analysis.password_required': 'The PDF is encrypted: its password is needed to analyze it.',
  'analysis.no_text_layer': 'The PDF has no text layer (scanned pages): it needs OCR.',
  'analysis.pdf_invalid': 'The PDF is damaged and cannot be read.',
  'analysis.timeout': 'The analysis took too long and was stopped.',
  'analysis.too_large': 'The document is too large to analyze.',
  'analysis.crashed': 'The analysis crashed on this file.',
  'analysis.internal': 'The analysis failed because of an internal error.',

  // Documents.
  'document.badId': 'No document "{id}": ids are sha256 hex.',
  'document.notFound': 'No document {id}.',
  'document.ambiguous': 'More than one document id starts with {id}; give more digits.',
  'document.noText': 'Document {id} has no text yet (status: {status}).',
  'document.invalidCorrection': '{field}: {reason}. Expected any of { "title", "authors", "year", "venue" } (null drops a correction) and "collections".',

  // Corpus filters: the bad value and the valid ones.
  'filter.unknownFactor': 'Unknown factor "{values}"; the codebook has {valid} (see /api/codebook).',
  'filter.unknownFactorWithUser': 'Unknown factor "{values}"; the codebook has {valid} (see /api/codebook); the user lexicon has {user} (see /api/lexicon).',
  'filter.unknownStance': 'Unknown stance "{value}"; use {valid}.',
  'filter.unknownLanguage': 'Unknown language "{value}"; use {valid}.',
  'filter.unknownCollection': 'No collection "{values}"; there are {valid}.',
  'filter.noCollections': 'No collection "{values}"; there are no collections yet.',
  'filter.unknownCodebookFactor': 'No factor "{factor}" in the codebook (see /api/codebook).',
  'filter.completeNeedsDocuments': 'complete=1 lists documents × factors: it needs group=document.',
  'filter.completeWithoutStance': 'A complete table lists every document × factor, zeros included: it cannot be filtered by stance.',
  'export.unknown': 'No export "{name}"; there are {valid}.',

  // Comparisons.
  'compare.notBoth': 'Compare documents or collections, not both.',
  'compare.sides': 'Give {min} to {max} documents (documents=a,b) or collections (collections=x,y).',
  'compare.notAnalyzed': 'Not analyzed yet: {documents}.',
  'compare.emptyCollection': 'No analyzed documents in collection "{values}".',

  // Reviews and quality.
  'review.invalidBody': 'Expected {expected}; {field}: {reason}.',
  'review.noAnalysis': 'Document {id} has no analysis to review.',
  'review.notAnalyzed': 'Document {id} has no analysis to review (status: {status}).',
  'review.notFound': 'No review "{review}" of document {id}.',
  'review.addedNeedsSentence': "An added mention needs the sentence's start and end in the document text (0–{length}, at most {max} characters).",
  'review.noMention': 'No mention of "{factor}" in the sentence starting at {start}.',
  'review.needsFactor': 'A "{verdict}" review needs the mention\'s factor.',
  'review.unknownFactor': 'No factor "{factor}" in the codebook.',
  'review.needsToFactor': 'A "{verdict}" review needs "toFactor", a factor of the codebook (see /api/codebook).',
  'review.moveToSame': "A move needs another factor than the mention's own.",
  'review.needsStance': 'A "{verdict}" review needs "stance" (positive, negative or neutral).',
  'review.needsReviewer': "A review needs the reviewer's name (1–100 characters).",
  'review.fileNotObject': '{where}: not a JSON object',
  'review.fileOffset': '{where}: "{column}" must be a character offset',
  'review.fileStance': '{where}: "{column}" must be positive, negative or neutral',
  'review.fileVerdict': '{where}: "verdict" must be one of {valid}',
  'review.fileRequired': '{where}: "document_id" and "sentence" are required',
  'review.fileTime': '{where}: "created_at" must be an ISO-8601 time',
  'quality.perStratum': 'perStratum must be a whole number from 1 to 1000.',

  // The user lexicon.
  'lexicon.noBody': 'Send a quanteda YAML dictionary as the request body.',
  'lexicon.cannotImport': 'The dictionary cannot be imported: {reason}.',
  'lexicon.unknownFactor': 'No user factor "{id}"; the user lexicon has {valid}.',
  'lexicon.unknownFactorPrefix': 'No user factor "{id}" (user factor ids start with "{prefix}"); the user lexicon has {valid}.',
  'lexicon.empty': 'none',
} as const;

export type MessageKey = keyof typeof en;
