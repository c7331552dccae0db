// Which network addresses a webhook may be sent to: public ones only, unless the installation allows private ones
// (WEBHOOK_ALLOW_PRIVATE=1). Otherwise an Owner could make the server call into its own network (SSRF).

function ipv4Parts(address: string): number[] | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  const numbers = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? numbers : null;
}

/** IPv4 ranges that are not the public internet: this network, private, loopback, link-local, CGNAT, reserved… */
function isNonPublicIpv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 || // "this network"
    a === 10 || // private
    a === 127 || // loopback
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local (cloud metadata services)
    (a === 172 && b >= 16 && b <= 31) || // private
    (a === 192 && b === 168) || // private
    (a === 192 && b === 0) || // IETF protocol assignments, documentation
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/^\[|\]$/g, "");
  const zone = text.indexOf("%");
  if (zone !== -1) text = text.slice(0, zone);
  // An embedded IPv4 address (::ffff:1.2.3.4) as two groups.
  const lastColon = text.lastIndexOf(":");
  const tail = ipv4Parts(text.slice(lastColon + 1));
  if (tail)
    text = `${text.slice(0, lastColon + 1)}${((tail[0]! << 8) | tail[1]!).toString(16)}:${((tail[2]! << 8) | tail[3]!).toString(16)}`;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string) => (half === "" ? [] : half.split(":"));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

function isNonPublicIpv6(groups: number[]): boolean {
  const [first = 0] = groups;
  const isZeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (isZeroUpTo(7) && (groups[7] === 0 || groups[7] === 1)) return true; // unspecified, loopback
  if (isZeroUpTo(5) && groups[5] === 0xffff) {
    // IPv4-mapped: judged as the IPv4 address it maps.
    return isNonPublicIpv4([groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff]);
  }
  return (
    (first & 0xfe00) === 0xfc00 || // unique local
    (first & 0xffc0) === 0xfe80 || // link-local
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && groups[1] === 0x0db8) || // documentation
    (first === 0x0064 && groups[1] === 0xff9b) // NAT64 (reaches IPv4 addresses, private ones included)
  );
}

/**
 * Whether `address` (an IP address, as DNS resolution gives it) is on the public internet: not private, loopback,
 * link-local, unspecified, multicast or reserved. Anything that is not an IP address is not.
 */
export function isPublicAddress(address: string): boolean {
  const v4 = ipv4Parts(address);
  if (v4) return !isNonPublicIpv4(v4);
  const v6 = ipv6Groups(address);
  if (v6) return !isNonPublicIpv6(v6);
  return false;
}
