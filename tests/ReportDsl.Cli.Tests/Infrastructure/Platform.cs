// The command line's file-system guarantees (modes, owners, links, FIFOs, signals) are Unix ones, and so are its tests.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
