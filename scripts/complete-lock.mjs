#!/usr/bin/env node
// Adds lock entries for platform-specific optional packages that `npm install` left out because
// the registry mirror it ran against does not carry them (e.g. @rollup/rollup-darwin-arm64).
// Without them `npm ci` refuses the lock as out of sync. The entries carry version, os and cpu
// (no tarball URL), so npm skips them on other platforms and resolves them by version where they
// apply. Usage: node scripts/complete-lock.mjs  (after any `npm install` that changes the lock)
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const pkgs = lock.packages;

const OS = {
  darwin: "darwin",
  linux: "linux",
  win32: "win32",
  android: "android",
  freebsd: "freebsd",
  openbsd: "openbsd",
  openharmony: "openharmony",
};
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x"];

/** Derives os/cpu/libc from names like rollup-linux-arm64-musl or msgpackr-extract-win32-x64. */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => p in OS);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("arm") ? "arm" : undefined);
  if (os === undefined || cpu === undefined) return null;
  const out = { os: [OS[os]], cpu: [cpu] };
  if (parts.includes("musl") || parts.includes("musleabihf")) out.libc = ["musl"];
  else if (os === "linux" && (parts.includes("gnu") || parts.includes("gnueabihf"))) out.libc = ["glibc"];
  return out;
}

let added = 0;
for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key}/node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (pkgs[nested] !== undefined || pkgs[top] !== undefined) continue;
    const platform = platformOf(dep);
    if (platform === null || !/^\d+\.\d+\.\d+/.test(range)) continue;
    pkgs[top] = { version: range, ...(entry.dev ? { dev: true } : {}), optional: true, license: entry.license, ...platform };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lock: added ${added} platform entries`);
