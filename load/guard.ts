// Refuses to aim load at anything but this machine unless the user says --allow-remote: a load
// tool pointed at a production host by a typo is an outage.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, "");
  if (isIP(a) === 4) return a.startsWith("127.");
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is loopback too.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped !== null && mapped[1]!.startsWith("127.");
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((r) => r.address);

export class RemoteTargetError extends Error {
  override name = "RemoteTargetError";
}

/**
 * Every URL's host must resolve only to loopback addresses (all of them: a name resolving to
 * one loopback and one public address is refused). `allowRemote` skips the check.
 */
export async function assertLoopbackTargets(
  urls: readonly string[],
  allowRemote: boolean,
  resolver: Resolver = systemResolver,
): Promise<void> {
  if (allowRemote) return;
  for (const raw of urls) {
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
    let addresses: string[];
    if (isIP(host) !== 0) addresses = [host];
    else {
      try {
        addresses = await resolver(host);
      } catch (err) {
        throw new RemoteTargetError(`cannot resolve ${host} (${(err as Error).message}): refusing an unverified target`);
      }
    }
    const remote = addresses.filter((a) => !isLoopbackAddress(a));
    if (addresses.length === 0 || remote.length > 0) {
      throw new RemoteTargetError(
        `${raw} resolves to ${addresses.join(", ") || "nothing"}, which is not loopback (127.0.0.0/8 or ::1): pass --allow-remote to load a remote host`,
      );
    }
  }
}

/** True when every URL's host is an IPv4 loopback literal: only then can 127.0.0.x sources be bound. */
export function allIpv4Loopback(urls: readonly string[]): boolean {
  return urls.every((u) => {
    const h = new URL(u).hostname;
    return isIP(h) === 4 && h.startsWith("127.");
  });
}
