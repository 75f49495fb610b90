// This computer's IPv4 addresses on the clinic LAN (loopback left out), for the addresses a server prints and the hub's certificate names.
import os from 'node:os';

export function lanAddresses() {
  const mine = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  return [...new Set(mine)];
}
