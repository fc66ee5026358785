// Loads uWebSockets.js and refuses to run on the package's pure-JS fallback, which it loads
// silently (with a console warning) when the native binary does not fit this platform/Node.
import { createRequire } from "node:module";
import type * as UWS from "uWebSockets.js";

export type { UWS };

export class NativeUwsError extends Error {
  override name = "NativeUwsError";
}

export function loadNativeUws(): typeof UWS {
  const require = createRequire(import.meta.url);
  const uws = require("uWebSockets.js") as typeof UWS;
  if (!isNative(uws)) {
    throw new NativeUwsError(
      `uWebSockets.js native binary did not load (platform ${process.platform}-${process.arch}, Node ABI ${process.versions.modules}); ` +
        "the pure-JS fallback is refused because it is far slower. Use Node 20 on linux/darwin/win32 x64 or arm64 " +
        "with glibc >= 2.27, reinstall with `npm ci`, and make sure the fallback is not forced through the environment.",
    );
  }
  return uws;
}

/** The native addon's App is a C++ function; the fallback's is plain JavaScript. */
export function isNative(uws: typeof UWS): boolean {
  return Function.prototype.toString.call(uws.App).includes("[native code]") && typeof uws.us_socket_local_port === "function";
}
