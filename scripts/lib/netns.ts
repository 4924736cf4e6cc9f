// Hosts on this machine: Linux network namespaces joined by veth pairs (iproute2), so that a test
// can run a server host and worker hosts with addresses of their own and cut one host's link.
// Needs root. Everything made here has a run-unique name and is removed by remove(), which also
// kills whatever still runs inside the namespaces.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Why namespaces cannot be made here, or undefined when they can. */
export function netnsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  if (spawnSync('ip', ['-V']).status !== 0) return 'iproute2 (ip) is not installed';
  return undefined;
}

function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim()}`);
}

export interface Link {
  /** The interface at the hub's end and at the spoke's end. */
  hubDevice: string;
  spokeDevice: string;
  hubAddress: string;
  spokeAddress: string;
}

/**
 * A hub namespace and spokes, each spoke joined to the hub by a veth pair on a /30 of its own
 * (10.<octet>.<spoke>.1 at the hub, .2 at the spoke). No routes between spokes and none to the
 * machine's own network: only addresses inside these namespaces are reachable.
 */
export class HubAndSpokes {
  readonly hub: string;
  readonly spokes: string[];
  readonly links = new Map<string, Link>();
  private readonly id = randomBytes(3).toString('hex');

  constructor(spokes: number, private readonly octet = 10 + (randomBytes(1)[0]! % 200)) {
    this.hub = `pl${this.id}hub`;
    this.spokes = Array.from({ length: spokes }, (_, i) => `pl${this.id}w${i + 1}`);
  }

  create(): void {
    for (const ns of [this.hub, ...this.spokes]) {
      ip('netns', 'add', ns);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    }
    this.spokes.forEach((ns, i) => {
      const link: Link = {
        hubDevice: `h${this.id}${i + 1}`,
        spokeDevice: `s${this.id}${i + 1}`,
        hubAddress: `10.${this.octet}.${i + 1}.1`,
        spokeAddress: `10.${this.octet}.${i + 1}.2`,
      };
      ip('link', 'add', link.hubDevice, 'netns', this.hub, 'type', 'veth', 'peer', 'name', link.spokeDevice, 'netns', ns);
      ip('-n', this.hub, 'addr', 'add', `${link.hubAddress}/30`, 'dev', link.hubDevice);
      ip('-n', ns, 'addr', 'add', `${link.spokeAddress}/30`, 'dev', link.spokeDevice);
      ip('-n', this.hub, 'link', 'set', link.hubDevice, 'up');
      ip('-n', ns, 'link', 'set', link.spokeDevice, 'up');
      this.links.set(ns, link);
    });
  }

  /** Takes a spoke's link down (both ends: nothing passes either way) or up again. */
  setLink(spoke: string, up: boolean): void {
    const link = this.links.get(spoke)!;
    ip('-n', spoke, 'link', 'set', link.spokeDevice, up ? 'up' : 'down');
    ip('-n', this.hub, 'link', 'set', link.hubDevice, up ? 'up' : 'down');
  }

  /** `command` run inside namespace `ns` (for spawn). */
  exec(ns: string, command: string[]): string[] {
    return ['ip', 'netns', 'exec', ns, ...command];
  }

  /** Kills every process left in the namespaces, then deletes them (and with them the veth pairs). Never throws. */
  remove(): void {
    for (const ns of [...this.spokes, this.hub]) {
      const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout?.split('\n').filter(Boolean).map(Number) ?? [];
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      spawnSync('ip', ['netns', 'del', ns]);
    }
  }
}
