import { createRequire as __kbRequire } from 'node:module'; import { fileURLToPath as __kbPath } from 'node:url'; import { dirname as __kbDirname } from 'node:path'; const require = __kbRequire(import.meta.url); const __kbFilename = __kbPath(import.meta.url); const __kbDirname2 = __kbDirname(__kbFilename);
import {
  BISECT_FILES,
  BISECT_STEPS_DIR,
  BUILD_FILES,
  BisectOption,
  CCACHE_STATS,
  CONTAINER_LABEL,
  DRIVER_LOG,
  DRIVER_MOUNT,
  DockerError,
  HTML_FILE,
  Input,
  InputError,
  JUNIT_FILE,
  KCIDB_FILE,
  KEPT_FILES,
  KernelbuilderError,
  MEMORY_PEAK_FILE,
  OWNER_LABEL,
  RESERVED_TREE_NAMES,
  RESULTS_FILE,
  SIZES_FILE,
  SUMMARY_FILE,
  SourceError,
  TOOLCHAINS_FILE,
  __commonJS,
  __toESM,
  bisectDirName,
  bisectStepDir,
  buildDir,
  connectDocker,
  describeValue,
  dockerEndpoint,
  emailsDir,
  historyPage,
  pathSafe,
  removeLeftovers,
  targetFiles,
  targetPaths,
  treeDir,
  treeDirOf
} from "./chunk-VKKDLUW7.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num2 = +id;
              if (num2 >= 0 && num2 < MAX_SAFE_INTEGER) {
                return num2;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean2 = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean2;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants5 = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants5.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants5 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean2 = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean: clean2,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants5.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants5.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/images/table.ts
var import_semver = __toESM(require_semver2(), 1);

// src/parse-json.ts
var JsonSyntaxError = class extends Error {
  constructor(line, column) {
    super(`it is not valid JSON: syntax error at line ${line}, column ${column}`);
    this.line = line;
    this.column = column;
  }
  line;
  column;
  name = "JsonSyntaxError";
};
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    const offset = syntaxErrorOffset(text);
    const before = text.slice(0, offset).split("\n");
    throw new JsonSyntaxError(before.length, before[before.length - 1].length + 1);
  }
}
var MAX_DEPTH = 1e3;
function syntaxErrorOffset(text) {
  let i = 0;
  const fail2 = () => {
    throw i;
  };
  const space = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const literal = (word) => {
    for (const c of word) {
      if (text[i] !== c) fail2();
      i++;
    }
  };
  const string = () => {
    i++;
    for (; ; ) {
      if (i >= text.length || text.charCodeAt(i) < 32) fail2();
      const c = text[i++];
      if (c === '"') return;
      if (c === "\\") {
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail2();
          i += 5;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail2();
        else i++;
      }
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) fail2();
    i += m[0].length;
  };
  const value = (depth) => {
    if (depth > MAX_DEPTH) fail2();
    space();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (; ; ) {
        if (c === "{") {
          space();
          if (text[i] !== '"') fail2();
          string();
          space();
          if (text[i] !== ":") fail2();
          i++;
        }
        value(depth + 1);
        space();
        if (text[i] === close) {
          i++;
          return;
        }
        if (text[i] !== ",") fail2();
        i++;
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return number();
  };
  try {
    value(0);
    space();
    if (i < text.length) fail2();
    return text.length;
  } catch (at) {
    if (typeof at !== "number") throw at;
    return Math.min(at, text.length);
  }
}

// images/table.json
var table_default = {
  images: [
    {
      name: "kernelbuilder/gcc-12",
      dockerfile: "gcc-12/Dockerfile",
      base: "debian:bookworm-slim",
      description: "Debian bookworm GCC 12, cross GCC for arm, arm64 and riscv64"
    },
    {
      name: "kernelbuilder/clang",
      dockerfile: "clang/Dockerfile",
      base: "debian:bookworm-slim",
      description: "Debian bookworm clang/lld/LLVM 14, make LLVM=1, for x86, arm, arm64 and riscv"
    },
    {
      name: "kernelbuilder/gcc-9",
      dockerfile: "gcc-9/Dockerfile",
      base: "debian:bullseye-slim",
      description: "Debian bullseye GCC 9.3 (the oldest GCC Debian's mirrors still serve), cross GCC 9 for arm, arm64 and riscv64"
    },
    {
      name: "kernelbuilder/qemu",
      role: "boot",
      dockerfile: "qemu/Dockerfile",
      base: "debian:bookworm-slim",
      description: "Boot image, no builder: Debian bookworm QEMU (x86_64, i386, arm, aarch64, riscv64) and OpenSBI, to boot built kernels offline"
    },
    {
      name: "kernelbuilder/gentoo-stage3-native",
      role: "base",
      dockerfile: "gentoo/Dockerfile.base",
      base: "gentoo/stage3:amd64-openrc",
      description: "Base only: the Gentoo amd64 stage3 rebuilt with -march=native for the CPU that builds it (the original builder's tuned base)"
    },
    {
      name: "kernelbuilder/gentoo-stage3-x32",
      role: "base",
      dockerfile: "gentoo/Dockerfile.stage3-x32",
      base: "gentoo/stage3:amd64-openrc",
      description: "Base only: Gentoo's x32 stage3 from its autobuilds (Docker Hub has none)"
    },
    {
      name: "kernelbuilder/gentoo-native",
      dockerfile: "gentoo/generic/Dockerfile",
      base: "kernelbuilder/gentoo-stage3-native",
      description: "Gentoo -march=native userland, GCC 14 with crossdev GCC 14 for arm, arm64, riscv64 and ppc64 (only for the CPU it was built on)"
    },
    {
      name: "kernelbuilder/gentoo-generic",
      dockerfile: "gentoo/generic/Dockerfile",
      base: "gentoo/stage3:amd64-openrc",
      description: "Gentoo x86_64 userland, GCC 14 with crossdev GCC 14 for arm, arm64, riscv64 and ppc64"
    },
    {
      name: "kernelbuilder/gentoo-generic-x86",
      dockerfile: "gentoo/generic-x86/Dockerfile",
      base: "gentoo/stage3:i686-openrc",
      description: "Gentoo i686 userland, crossdev GCC 14 for x86_64, arm, arm64 and riscv64"
    },
    {
      name: "kernelbuilder/gentoo-generic-x32",
      dockerfile: "gentoo/generic-x32/Dockerfile",
      base: "kernelbuilder/gentoo-stage3-x32",
      description: "Gentoo x32 userland (needs CONFIG_X86_X32_ABI on the host), multilib GCC 14 for x86, crossdev GCC 14 for arm, arm64 and riscv64"
    },
    {
      name: "kernelbuilder/gcc-7.3",
      dockerfile: "gentoo-gcc-7.3/Dockerfile",
      base: "kernelbuilder/gentoo-stage3-x32",
      description: "Gentoo x32 userland with crossdev GCC 7.3 (from the 2018-09-01 tree) for x86_64, arm, arm64 and riscv64, for kernels that newer compilers reject, as in the original builder"
    }
  ],
  select: [
    {
      kernels: ">=3.0.0 <4.0.0 || >=4.2.0 <4.19.0",
      image: "kernelbuilder/gcc-7.3",
      why: "3.x and 4.2-4.18 do not build with current GCC (the original builder's rule)"
    },
    {
      kernels: "*",
      image: "kernelbuilder/gcc-12",
      why: "the default image"
    },
    {
      kernels: ">=5.10.0 <6.15.0",
      toolchain: "clang",
      image: "kernelbuilder/clang",
      why: "clang 14 with LLVM=1: from 5.10 (taken as the oldest kernel whose LLVM=1 builds hold on x86, arm, arm64 and riscv); from 6.15 x86 asks for LLVM 15 or newer"
    }
  ]
};

// src/images/table.ts
var IMAGE_ROLES = ["base", "boot"];
var IMAGE_REF = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
function isImageRef(name) {
  return name.length <= 255 && IMAGE_REF.test(name);
}
function parseImageTable(text, input, value) {
  const refuse = (what) => {
    throw new InputError(input, value, what);
  };
  let data;
  try {
    data = parseJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    refuse(`${e.message}; an image table is JSON`);
  }
  if (!isObject(data) || !Array.isArray(data.select) || data.select.length === 0) {
    refuse('it must be a JSON object with a non-empty "select" list of {kernels, image, why}');
  }
  const table = data;
  const select = table.select.map((rule, i) => checkRule(rule, `select[${i}]`, refuse));
  const images = (Array.isArray(table.images) ? table.images : []).map((img, i) => checkImage(img, `images[${i}]`, refuse));
  select.forEach((rule, i) => {
    const role = images.find((img) => img.name === rule.image)?.role;
    if (role !== void 0) {
      refuse(`its select[${i}].image is a ${role} image (role "${role}"): rules choose images that build kernels`);
    }
  });
  return { images, select };
}
function checkRule(rule, where2, refuse) {
  if (!isObject(rule)) refuse(`its ${where2} is not an object: each rule is {kernels, image, why}`);
  const { kernels, image, why, toolchain } = rule;
  if (typeof kernels !== "string" || import_semver.default.validRange(kernels) === null) {
    refuse(`its ${where2}.kernels is not a semver range such as ">=4.2.0 <4.19.0" or "*"`);
  }
  if (typeof image !== "string" || !isImageRef(image)) {
    refuse(`its ${where2}.image is not a Docker image reference such as "kernelbuilder/gcc-12"`);
  }
  if (toolchain !== void 0 && (typeof toolchain !== "string" || !/^[a-z][a-z0-9-]{0,30}$/.test(toolchain))) {
    refuse(`its ${where2}.toolchain is not a toolchain family such as "gcc" or "clang"`);
  }
  return { kernels, image, why: typeof why === "string" ? why : "", toolchain: toolchain ?? "gcc" };
}
function checkImage(img, where2, refuse) {
  if (!isObject(img)) refuse(`its ${where2} is not an object: each image is {name, dockerfile, base, description}`);
  const { name, dockerfile, base, description, role } = img;
  if (typeof name !== "string" || !isImageRef(name)) refuse(`its ${where2}.name is not a Docker image reference`);
  if (typeof dockerfile !== "string" || dockerfile.startsWith("/") || dockerfile.split("/").includes("..")) {
    refuse(`its ${where2}.dockerfile is not a path inside images/`);
  }
  if (typeof base !== "string" || !isImageRef(base)) refuse(`its ${where2}.base is not a Docker image reference`);
  if (role !== void 0 && !IMAGE_ROLES.includes(role)) {
    refuse(`its ${where2}.role is ${IMAGE_ROLES.map((r) => `"${r}"`).join(" or ")}, or left out for a builder`);
  }
  return {
    name,
    dockerfile,
    base,
    description: typeof description === "string" ? description : "",
    ...role ? { role } : {}
  };
}
var defaultImageTable = parseImageTable(JSON.stringify(table_default), "image-table", "images/table.json");
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/plan/config-spec.ts
var BASE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
var FRAGMENT_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}\.config$/;
var OPTION = /^(CONFIG_[A-Z0-9_]{1,100})=(y|n|m|-?[0-9]{1,20}|0x[0-9a-fA-F]{1,16})$/;
var PATTERN = /^!?[A-Za-z0-9_.*?-]{1,100}$/;
var CONFIG_SYNTAX = "a config is a make target (defconfig, tinyconfig, allnoconfig, allmodconfig, ...) or a file of arch/<arch>/configs/, optionally followed by +fragment.config or +CONFIG_X=y|n|m|number; 'all', globs like multi_* and !negations select several";
function isConfigName(name) {
  return BASE.test(name) && !name.includes("..");
}
function parseConfigSpec(input, text) {
  const [base, ...rest] = text.split("+");
  if (!isConfigName(base)) throw new InputError(input, text, CONFIG_SYNTAX);
  return { name: text, base, fragments: rest.map((part) => parseFragment(input, text, part)) };
}
function parseFragment(input, text, part) {
  const option = OPTION.exec(part);
  if (option) return { kind: "option", option: option[1], value: option[2] };
  if (FRAGMENT_FILE.test(part) && !part.includes("..")) return { kind: "file", name: part };
  throw new InputError(input, text, `${JSON.stringify(part)} is no fragment: ${CONFIG_SYNTAX}`);
}
function fragmentWord(f) {
  return f.kind === "file" ? f.name : `${f.option}=${f.value}`;
}
function isPattern(text) {
  return text === "all" || text.startsWith("!") || /[*?]/.test(text);
}
function checkPattern(input, text) {
  if (text !== "all" && !PATTERN.test(text)) throw new InputError(input, text, CONFIG_SYNTAX);
  return text;
}
function globMatches(glob, name) {
  let g = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (g < glob.length && (glob[g] === "?" || glob[g] === name[n])) {
      g++;
      n++;
    } else if (g < glob.length && glob[g] === "*") {
      star = g++;
      resume = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++resume;
    } else return false;
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}
function optionsOfFragment(text) {
  const options = [];
  for (const line of text.split("\n")) {
    const set = /^(CONFIG_[A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (set) options.push(`${set[1]}=${set[2]}`);
    const unset = /^# (CONFIG_[A-Z0-9_]+) is not set$/.exec(line.trim());
    if (unset) options.push(`${unset[1]}=n`);
  }
  return options;
}
function unmetOptions(requested, dotConfig) {
  const have = /* @__PURE__ */ new Map();
  for (const line of dotConfig.split("\n")) {
    const set = /^(CONFIG_[A-Z0-9_]+)=(.*)$/.exec(line);
    if (set) have.set(set[1], set[2]);
  }
  const unmet = [];
  for (const request of requested) {
    const eq = request.indexOf("=");
    const option = request.slice(0, eq);
    const want = request.slice(eq + 1);
    const got = have.get(option) ?? "n";
    if (got !== want) unmet.push({ option, want, got: have.has(option) ? got : "not set" });
  }
  return unmet;
}

// src/plan/derived-configs.ts
var DERIVED_CONFIGS = {
  arm: [
    { name: "multi_lpae", base: "multi_v7_defconfig", options: ["CONFIG_ARM_LPAE=y"] },
    { name: "multi_v7_nosmp", base: "multi_v7_defconfig", options: ["CONFIG_SMP=n"] }
  ],
  arm64: [{ name: "nosmp", base: "defconfig", options: ["CONFIG_SMP=n"] }],
  riscv: [
    { name: "nosmp", base: "defconfig", options: ["CONFIG_SMP=n"] },
    { name: "rv32", base: "rv32_defconfig", options: [] }
  ]
};

// src/plan/targets.ts
var KERNEL_ARCHES = [
  "alpha",
  "arc",
  "arm",
  "arm64",
  "csky",
  "hexagon",
  "ia64",
  "loongarch",
  "m68k",
  "microblaze",
  "mips",
  "nios2",
  "openrisc",
  "parisc",
  "powerpc",
  "riscv",
  "s390",
  "sh",
  "sparc",
  "um",
  "x86",
  "xtensa"
];
var GENERIC_CONFIGS = ["defconfig", "tinyconfig", "allnoconfig", "allmodconfig", "allyesconfig", "alldefconfig"];
function targetName(t) {
  return `${t.arch}/${t.config}`;
}
function planTargets(arches, requests, tree) {
  const targets = [];
  const dropped = [];
  const used = /* @__PURE__ */ new Set();
  for (const arch of arches) {
    if (!tree.arches.includes(arch)) {
      dropped.push({ arch, reason: `arch/${arch} does not exist in Linux ${tree.version.text}` });
      continue;
    }
    const files = tree.configs[arch] ?? [];
    const derived = (DERIVED_CONFIGS[arch] ?? []).filter((d) => GENERIC_CONFIGS.includes(d.base) || files.includes(d.base));
    const candidates = [.../* @__PURE__ */ new Set([...files.filter((f) => f.endsWith("defconfig")), ...SWEEP_CONFIGS, ...derived.map((d) => d.name)])];
    const chosen = /* @__PURE__ */ new Map();
    const refused = /* @__PURE__ */ new Set();
    const add = (target, request) => {
      chosen.set(target.config, target);
      used.add(request);
    };
    for (const request of requests) {
      if (request.startsWith("!")) {
        for (const name of [...chosen.keys(), ...refused]) {
          if (globMatches(request.slice(1), name)) {
            chosen.delete(name);
            refused.delete(name);
          }
        }
        used.add(request);
      } else if (isPattern(request)) {
        for (const name of candidates) {
          if (request !== "all" && !globMatches(request, name)) continue;
          if (isConfigName(name)) add(candidateTarget(arch, name, derived), request);
          else refused.add(name);
        }
      } else {
        const d = derived.find((x) => x.name === request);
        if (d) {
          add(candidateTarget(arch, request, derived), request);
          continue;
        }
        const spec = parseConfigSpec("configs", request);
        if (!GENERIC_CONFIGS.includes(spec.base) && !files.includes(spec.base)) {
          dropped.push({ arch, config: request, reason: `arch/${arch}/configs/${spec.base} does not exist` });
          continue;
        }
        const missing = spec.fragments.find((f) => f.kind === "file" && tree.fragments[arch]?.[f.name] === void 0);
        if (missing?.kind === "file") {
          dropped.push({ arch, config: request, reason: `fragment ${missing.name} is in neither arch/${arch}/configs/ nor kernel/configs/` });
          continue;
        }
        if (spec.fragments.length === 0) add({ arch, config: request }, request);
        else add({ arch, config: request, base: spec.base, fragments: spec.fragments, requires: requiredOptions(spec.fragments, tree.fragments[arch] ?? {}) }, request);
      }
    }
    targets.push(...chosen.values());
    for (const name of refused) {
      dropped.push({ arch, reason: `arch/${arch}/configs/ holds ${describeValue(name)}, a name kernelbuilder does not build: ${CONFIG_NAME_RULE}` });
    }
  }
  const generic = (request) => !isPattern(request) && GENERIC_CONFIGS.includes(request.split("+")[0]);
  for (const request of requests) {
    if (!used.has(request) && !generic(request) && !(isPattern(request) && targets.length > 0)) {
      const where2 = arches.filter((a) => tree.arches.includes(a)).map((a) => `arch/${a}/configs/`);
      throw new InputError(
        "configs",
        request,
        isPattern(request) ? `it matches no config of ${where2.join(" or ") || "any arch"} in Linux ${tree.version.text}` : `it is not one of ${GENERIC_CONFIGS.join(", ")} and no ${where2.join(" or ") || "arch"} holds it in Linux ${tree.version.text}`
      );
    }
  }
  if (targets.length === 0) {
    throw new SourceError(`nothing to build: ${dropped.map((d) => d.reason).join("; ") || "the patterns removed every config"}`);
  }
  return { targets, dropped };
}
var CONFIG_NAME_RULE = "config names are letters, digits and _ . - (not starting with . or -, no ..), at most 100 characters";
var SWEEP_CONFIGS = ["allnoconfig", "allmodconfig", "tinyconfig"];
function candidateTarget(arch, name, derived) {
  const d = derived.find((x) => x.name === name);
  if (!d) return { arch, config: name };
  const fragments = d.options.map((o) => ({ kind: "option", option: o.slice(0, o.indexOf("=")), value: o.slice(o.indexOf("=") + 1) }));
  return { arch, config: name, base: d.base, fragments, requires: d.options };
}
function requiredOptions(fragments, files) {
  return fragments.flatMap((f) => f.kind === "option" ? [`${f.option}=${f.value}`] : optionsOfFragment(files[f.name] ?? ""));
}

// src/results/previous.ts
import { readdirSync } from "node:fs";
import { join } from "node:path";

// src/read-input-file.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from "node:fs";
var FileRefusedError = class extends Error {
  name = "FileRefusedError";
};
function readInputFile(path, limits) {
  checkRegular(statOrExplain(() => limits.followLinks ? statSync(path) : lstatSync(path)), limits);
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (limits.followLinks ? 0 : constants.O_NOFOLLOW));
  } catch (e) {
    throw new FileRefusedError(explain(e));
  }
  try {
    checkRegular(fstatSync(fd), limits);
    const chunks = [];
    let length = 0;
    for (; ; ) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      length += n;
      if (length > limits.maxBytes) throw new FileRefusedError(`it is larger than the ${limits.maxBytes} bytes allowed`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
var CHUNK = 64 * 1024;
function checkRegular(st, limits) {
  if (!st.isFile()) throw new FileRefusedError(`it is ${kindOf(st)}, not a regular file`);
  if (st.size > limits.maxBytes) throw new FileRefusedError(`it is ${st.size} bytes, larger than the ${limits.maxBytes} allowed`);
}
function kindOf(st) {
  if (st.isDirectory()) return "a folder";
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "a special file";
}
function statOrExplain(stat) {
  try {
    return stat();
  } catch (e) {
    throw new FileRefusedError(explain(e));
  }
}
function explain(e) {
  const code = e.code;
  if (code === "ENOENT") return "it does not exist";
  if (code === "EACCES" || code === "EPERM") return "it cannot be read (permission denied)";
  if (code === "ELOOP") return "it is a symbolic link";
  if (code === "ENOTDIR") return "a folder on its path is a file";
  return `it cannot be read (${code ?? e.message})`;
}

// src/results/previous.ts
var MAX_RESULTS_BYTES = 64 * 2 ** 20;
function readResults(path) {
  try {
    return parseResults(readInputFile(path, { maxBytes: MAX_RESULTS_BYTES, followLinks: false }));
  } catch {
    return void 0;
  }
}
function parseResults(text) {
  const data = parseJson(text);
  if (typeof data !== "object" || data === null || data.schema !== 1 || !Array.isArray(data.targets)) {
    throw new Error("it is JSON but not a kernelbuilder results.json (schema 1 with a list of targets)");
  }
  return data;
}
function alreadyBuilt(previous, plan, imageId) {
  if (imageId === void 0 || !previous?.complete || previous.sha !== plan.ref.sha || previous.image.id !== imageId) return false;
  const want = plan.targets.map(targetName).sort();
  const have = previous.targets.map((t) => t.target).sort();
  return want.length === have.length && want.every((t, i) => t === have[i]);
}
function findBaseline(treeDir2, current) {
  let best;
  let entries;
  try {
    entries = readdirSync(treeDir2);
  } catch {
    return void 0;
  }
  for (const entry of entries) {
    const path = join(treeDir2, entry, RESULTS_FILE);
    const r = readResults(path);
    if (!r?.complete || r.ref !== current.ref || r.sha === current.sha || r.startedAt >= current.startedAt) continue;
    if (!best || r.startedAt > best.results.startedAt) best = { results: r, path };
  }
  return best;
}
function previousTargets(treeDir2) {
  let newest;
  let entries;
  try {
    entries = readdirSync(treeDir2);
  } catch {
    return /* @__PURE__ */ new Map();
  }
  for (const entry of entries) {
    const r = readResults(join(treeDir2, entry, RESULTS_FILE));
    if (r?.complete && (!newest || r.startedAt > newest.startedAt)) newest = r;
  }
  return new Map((newest?.targets ?? []).map((t) => [t.target, t]));
}
function previousDurations(previous) {
  return new Map([...previous].filter(([, t]) => t.durationSeconds !== void 0).map(([name, t]) => [name, t.durationSeconds]));
}

// src/report/kcidb-origin.ts
var DEFAULT_KCIDB_ORIGIN = "kernelbuilder";
function parseKcidbOrigin(text) {
  if (!/^[a-z0-9_]{1,64}$/.test(text)) throw new InputError(Input.kcidbOrigin, text, "a KCIDB origin is lower-case letters, digits and _ (e.g. kernelbuilder), at most 64 characters");
  return text;
}

// src/inputs.ts
import { realpathSync as realpathSync2, statSync as statSync3 } from "node:fs";
import { availableParallelism, homedir, tmpdir } from "node:os";
import { join as join2, resolve as resolve2 } from "node:path";

// src/ref/ref-syntax.ts
var ALLOWED = "a ref is remote/branch, a remote, a tag, a branch or a commit sha: letters, digits and . _ / + - only, not starting with '-' or '/', without '..', '//' or a component starting with '.'";
function checkRefSyntax(ref, input = Input.ref) {
  const ok = ref.length > 0 && ref.length <= 255 && /^[A-Za-z0-9._/+-]+$/.test(ref) && !ref.startsWith("-") && !ref.startsWith("/") && !ref.endsWith("/") && !ref.includes("..") && !ref.includes("//") && !ref.endsWith(".lock") && !ref.split("/").some((part) => part.startsWith("."));
  if (!ok) throw new InputError(input, ref, ALLOWED);
  return ref;
}

// node_modules/re2js/build/index.js
var RE2Flags = class RE2Flags2 {
  static FOLD_CASE = 1;
  static LITERAL = 2;
  static CLASS_NL = 4;
  static DOT_NL = 8;
  static ONE_LINE = 16;
  static NON_GREEDY = 32;
  static PERL_X = 64;
  static UNICODE_GROUPS = 128;
  static WAS_DOLLAR = 256;
  static LOOKBEHIND = 512;
  static MATCH_NL = RE2Flags2.CLASS_NL | RE2Flags2.DOT_NL;
  static PERL = RE2Flags2.CLASS_NL | RE2Flags2.ONE_LINE | RE2Flags2.PERL_X | RE2Flags2.UNICODE_GROUPS;
  static POSIX = 0;
  static UNANCHORED = 0;
  static ANCHOR_START = 1;
  static ANCHOR_BOTH = 2;
};
var PublicFlags = {
  CASE_INSENSITIVE: 1,
  DOTALL: 2,
  MULTILINE: 4,
  DISABLE_UNICODE_GROUPS: 8,
  LONGEST_MATCH: 16,
  LOOKBEHINDS: 512
};
var ASCII_SIZE = 128;
var ASCII_TO_UPPER = new Int32Array(ASCII_SIZE);
var ASCII_TO_LOWER = new Int32Array(ASCII_SIZE);
var MAX_BMP = 65535;
for (let i = 0; i < ASCII_SIZE; i++) {
  if (i >= 97 && i <= 122) ASCII_TO_UPPER[i] = i - 32;
  else ASCII_TO_UPPER[i] = i;
  if (i >= 65 && i <= 90) ASCII_TO_LOWER[i] = i + 32;
  else ASCII_TO_LOWER[i] = i;
}
var Codepoint = class {
  static CODES = Object.freeze({
    "\x07": 7,
    "\b": 8,
    "	": 9,
    "\n": 10,
    "\v": 11,
    "\f": 12,
    "\r": 13,
    " ": 32,
    '"': 34,
    $: 36,
    "&": 38,
    "'": 39,
    "(": 40,
    ")": 41,
    "*": 42,
    "+": 43,
    "-": 45,
    ".": 46,
    0: 48,
    1: 49,
    2: 50,
    3: 51,
    4: 52,
    5: 53,
    6: 54,
    7: 55,
    8: 56,
    9: 57,
    ":": 58,
    "<": 60,
    ">": 62,
    "?": 63,
    A: 65,
    B: 66,
    C: 67,
    F: 70,
    P: 80,
    Q: 81,
    U: 85,
    Z: 90,
    "[": 91,
    "\\": 92,
    "]": 93,
    "^": 94,
    _: 95,
    "`": 96,
    a: 97,
    b: 98,
    f: 102,
    i: 105,
    m: 109,
    n: 110,
    r: 114,
    s: 115,
    t: 116,
    v: 118,
    x: 120,
    z: 122,
    "{": 123,
    "|": 124,
    "}": 125
  });
  static toUpperCase(codepoint) {
    if (codepoint < ASCII_SIZE) return ASCII_TO_UPPER[codepoint];
    const s = String.fromCodePoint(codepoint).toUpperCase();
    const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
    if (s.length > expectedLen) return codepoint;
    const sOrigin = String.fromCodePoint(s.codePointAt(0)).toLowerCase();
    const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
    if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
    return s.codePointAt(0);
  }
  static toLowerCase(codepoint) {
    if (codepoint < ASCII_SIZE) return ASCII_TO_LOWER[codepoint];
    const s = String.fromCodePoint(codepoint).toLowerCase();
    const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
    if (s.length > expectedLen) return codepoint;
    const sOrigin = String.fromCodePoint(s.codePointAt(0)).toUpperCase();
    const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
    if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
    return s.codePointAt(0);
  }
};
var UnicodeRangeTable = class {
  /**
  * @param {Uint32Array | number[]} data
  * @param {boolean} isStride1
  */
  constructor(data, isStride1 = false) {
    this.data = data;
    this.isStride1 = isStride1;
    this.SIZE = isStride1 ? 2 : 3;
  }
  getLo(index) {
    return this.data[index * this.SIZE];
  }
  getHi(index) {
    return this.data[index * this.SIZE + 1];
  }
  getStride(index) {
    return this.isStride1 ? 1 : this.data[index * this.SIZE + 2];
  }
  get length() {
    return this.data.length / this.SIZE;
  }
};
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
var B64_MAP = /* @__PURE__ */ new Uint8Array(256);
for (let i = 0; i < 64; i++) B64_MAP[B64.charCodeAt(i)] = i;
var decodeVLQ = (str) => {
  const res = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < str.length; i++) {
    const digit = B64_MAP[str.charCodeAt(i)];
    value |= (digit & 31) << shift;
    if ((digit & 32) === 0) {
      res.push(value);
      value = 0;
      shift = 0;
    } else shift += 5;
  }
  return res;
};
var decodeRanges = (str, isStride1) => {
  const res = decodeVLQ(str);
  const numRanges = isStride1 ? res.length / 2 : res.length / 3;
  const out = new Uint32Array(numRanges * 3);
  let current = 0;
  let resIdx = 0;
  for (let i = 0; i < numRanges; i++) {
    current += res[resIdx++];
    out[i * 3] = current;
    current += res[resIdx++];
    out[i * 3 + 1] = current;
    out[i * 3 + 2] = isStride1 ? 1 : res[resIdx++];
  }
  return out;
};
var decodeOrbit = (str) => {
  const res = decodeVLQ(str);
  const map = /* @__PURE__ */ new Map();
  let currentKey = 0;
  for (let i = 0; i < res.length; i += 2) {
    currentKey += res[i];
    const zz = res[i + 1];
    const delta = zz >>> 1 ^ -(zz & 1);
    map.set(currentKey, currentKey + delta);
  }
  return map;
};
var LazyMap = class {
  constructor(initializer) {
    this.initializer = initializer;
    this.cache = /* @__PURE__ */ new Map();
  }
  has(key) {
    return Object.hasOwn(this.initializer, key);
  }
  get(key) {
    if (this.cache.has(key)) return this.cache.get(key);
    const val = this.has(key) ? this.initializer[key]() : null;
    this.cache.set(key, val);
    return val;
  }
};
var UnicodeTables = class {
  static _CASE_ORBIT = null;
  static get CASE_ORBIT() {
    if (!this._CASE_ORBIT) this._CASE_ORBIT = decodeOrbit("rCgCIgCY+rQI4QiCuuBLgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCCgCBgCBgCBgCBgCBgCBgCB+7OB-BB-BB-BB-BB-BBskQB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BC-BB-BB-BB-BB-BB-BB-BByHBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBxHBCBBBCBBBCBBB3SBmMBkNBCBBBCBBB8MBCBBB6MB6MBCBBC+EB0MB2MBCBBB6MB+MBiGBmNBiNBCBBBmKBikzCBmNBqNBkIBsNBCBBBCBBBCBBB0NBCBBB0NDCBBB0NBCBBByNByNBCBBBCBBB2NBCBBDCBBCwDFCBCBDBCBCBDBCBCBDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB9EBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBCBDBCBBBhGBvDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBjICCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBH2iVBCBBBlKBwiVB+jVB+jVBCBBBlMBqEBuEBCBBBCBBBCBBBCBBBCBBB+hVB4hVB8hVBjNB7MC5MB5MCzMC1MB+0yCE5MB20yCC9MBu2yCBwyyCBo0yCChNBlNBo0yCBu-UBi0yCDlNC6-UBpNDrNIu+UDzNCm0yCBzNE0yyCBzNBpEBxNBxNBtEG1NLqxyCBkxyCnFoFrBCBBBCBBDCBBEkIBkIBkICoHHsCCqCBqCBqCCgEC+DB+DBmkOBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCC+BBgCBgCBgCBgCBgCBgCBgCBgCBrCBpCBpCBpCBmjOB-BB8BB-BB-BBgEB-BB-BByBBqgOBsDB-BBtwBB-BB-BB-BBsBBgDBCB-BB-BB-BBeB-BB-BB61OB-BB-BB-DB9DB9DBQB7DBmCE9CBrDBPBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBrFB-EBOBnHB3FB-FCCBBBNBCBBCjIBjIBjIBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB8kMB-BB6kMB-BB-BB-BB-BB-BB-BB-BB-BB-BBokMB-BB-BBkkMBkkMB-BB-BB-BB-BB-BB-BB-BB4jMB-BB-BB-BB-BB-BB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EBCBBBCBoiMBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBJCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBeBCBBBCBBBCBBBCBBBCBBBCBBBCBBBdBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDL-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-C64CgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOCgmOGgmODg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FDg8FBg8FBg8FhVg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBQBQBQBQBQBQDPBPBPBPBPBPjkC7mMB5mMBnmMBjmMBCBlmMB3lMBpiMBk8kCBCBBG-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FD-7FB-7FB-7F6FoglCEsuHRwjlCyDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCB0DBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBG1DD97OCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPEQCQCQCQCPCPCPCPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPB0EB0EBsFBsFBsFBsFBoGBoGBgIBgIBgHBgHB8HB8HDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQCSFPBPBzEBzEBRCxnOFSFrFBrFBrFBrFBREQBQClkOFPBPBnGBnGFQBQCljOCODPBPB-GB-GBNHSF-HB-HB7HB7HBRqJ53OE9tQBrmQH4Bc3BSgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfECBByZ0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzB34BgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CBCBBBt-UBruHBt+UB1iVBviVBCBBBCBBBCBBB3hVB5-UB9hVB7hVCCBBCCBBI9jVB9jVBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBICBBBCBBECBBN-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOC-lOG-lOzoeCBBBCBBBCBBBCBBBCBBBCBl8kCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBTCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBnECBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBKCBBBCBBBnglCBCBBBCBBBCBBBCBBBCBBECBBBvyyCDCBBBCBBBgDCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBn0yCB90yCB10yCBh0yCBn0yCCjxyCBzyyCBpxyCBg6BBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB-CBl0yCBvjlCBCBBBCBBBt2yCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBhkzCZCBB9a-5Bd-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCm6TCBB7gBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCH-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BmlBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvChDwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCFvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvC1DuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCCuCBuCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCCtCBtCk2BgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEO-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-D+CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCL-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-B74CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhrVgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BD1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BtxekCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjC");
    return this._CASE_ORBIT;
  }
  static _Print = null;
  static get Print() {
    if (!this._Print) this._Print = new UnicodeRangeTable(decodeRanges("hB9CBjBLBCpWBDFBFGBCCCBSBCsMBClBBDxBBDCBC2BBJaBFFBSVBC-FBCvBBD6BBDkDBP6BBDwBBDOBCbBDCCBJBGfBIqCBCgFBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYBDCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPBLCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGBCCBCHBDBBDVBCGBCBBCEBDIBDBBDCBICBFBBCEBDRBLBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBGMBCCBCWBCPBDIBCCBCDBIBBCCBCBBDDBDJBIVBCCBCWBCJBCEBDIBCCBCDBIBBGCBCDBDJBCCBNMBCCBCyBBCCBCFBFPBDZBCCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBN5BBFcBmBBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDBhBnCBCjBBFmBBCjBBCOBCMBmBlGBCGGD4LBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBH1CBDFBD-TBCbBE4CBIVBKXBKTBNMBCCBCBBN9CBDJBHJBHNBCKBH4CBIqBBGlCBLeBCLBFLBFEEBoBBDEBMrBBFZBHKBE9BBDgCBCcBDKBHJBHNBDtBBDLBVsCBClFBJ7BBEOBE9BBGqBBDKBJqBBG1QBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBSXBJuBBSBBDaBCMBEhBBPgBBQrEBF5UBXKBWz4BBD9LBGsBBCGGD3BBIBBPXBKGBCGBCGBCGBCGBCGBCGBCGBC9DBjBZBC4CBN1GBbPBC+BBC1CBDmDBGqBBC9CBC1CBKvBBCszcBE2BBK7KBV3FBJ8GBV7BBEJBH3BBJlCBJLBHzDBMdBEtCBCKBFgBBC2BBKNBDJBDmDBZbBLFBDFBDFBKGBCGBC7BBF9DBDJBHj9KBNWBFwBBloItLBDpDBnBGBNEBGZBCEBCCCBCCBCCBoUBhBpBBHyBBCSBCDBFEBCmEBF9FBEFBDFBDFBDCBEGBCGBOBBDLBCZBCSBCBBCOBDNBjB6DBGCBFsBBE3CBCMBEwBwBBsBBjEcBEwBBQbBFjBBKdBGqBBGdBCkBBFNBrB9EBDJBHjBBFjBBFnBBJzBBMLBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBCnCBJIBxBSBCBBGgBBEaBGaBnB3BBFTBDxBBCBBGHBCCBCcBDCBFJBIIBI-BBhBmBBFLBK1BBEcBDaBGZBIDBNGBxCoCB4ByBBOyBBItBBJJBHlBBEcBJBBxGeBCpBBCCBDBBRFBJIBiBtBBJpBBXZBnBbBVWBKtCBFjBBK9BBCEBOYBIJBH0BBCRBJmBBK-CBCTBMRBCuBB-BGBCCCBCBCOBCKBH6BBGJBHDBCHBDBBDVBCGBCBBCEBCJBDBBDCBDHHGGBDGBEEBMJBCDDClBBCJBCDDCDBCJBCBBJBBe7CBCEBfnCBJJBnF1BBDlBBjBkCBMJBHMBU5BBHJBHTBdaBDOBFWB6F7BBlDyCBNHBDDDBGBCBBCdBCBBDLBKJBnCHBDtBBDKBcnCBJyCBOoCBIJB3CHB5ChBBPJBHIBCsBBCNBLcBEfBDVBCNBqCGBCBBCrBBECCBCCBHBJJBHFBCBBCkBBCBBCFBIJBHrBBFJB3HYBIQBCoBBEcB2CQQBwBBO6cBnDuDBCEBMjGBtyCiDBOvhBBRVBL68DBGmSB61G5BBn2B4RBIeBCJBFwCBCJBHdBDFBLlCBLJBCGBCUBGSBxN5BBnG6CBGYBDYBtBqCBF4BBIQBhCEBMGBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBDDBh7D8HBEzNBHWBQQBQtBBDWBKzDB9B1HBLmBBDpCBJvDBWlCB7DTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBD9VBQEBCOBxiBeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBENBDJBFBBhKeBS5BBGxOxOBoBB3GqBBFhGhGBdBCVBJBBhHGBCDBCBBCOBCkGBDPBqBrCBFJBFBByYjCBtC8BBjGDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBBvIrBBFjDBNOBDOBCOBCkBBLtFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBmgB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIBnkzVvHB", false));
    return this._Print;
  }
  static CATEGORIES = new LazyMap({
    C: () => new UnicodeRangeTable(decodeRanges("AfBgDgBBOrWrWBHHBCBICCVuMuMnBBBzBBBE4B4BBGBcDBHQBXhGhGxBBB8BBBmDNB8BBByBBBQddBCCMEBhBGBsCiFiFJBBDBBXIICCBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBPMMBEB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKMMBDBbEByBPBDBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCB-FCBHBBHBBHBBECBIIIBLBDBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIB-BGGBLBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMBxhBPBXJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBF-6DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBrCHBxDUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIlkzVBxHvw-FB", false)),
    Cc: () => new UnicodeRangeTable(decodeRanges("AfgDgB", true)),
    Cf: () => new UnicodeRangeTable(decodeRanges("tFzqBzqBBEBXhGhGyBhMhMBxCxCs5D9-B9-BBDBbEByBEBCJBw03B6H6HBBBimEQQj7IPBhjiBDBwmFHBn0rYffB+CB", false)),
    Cn: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBDBvzIBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-BB---BBB---BBB", false)),
    Co: () => new UnicodeRangeTable(decodeRanges("gg4B-nGh4hc9--BD9--B", true)),
    Cs: () => new UnicodeRangeTable(decodeRanges("gg2B--B", true)),
    L: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICCiEEBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoCaBFDBuBqBBkBBBCiDBCQQBIIBLLBBBDRRCdBe4CBMZZBfBKBBFGGBUBFKKEYYBXBIKBGXBCGBRpBB7B1BBETTIJBQPBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNGB7BBBCCCBDBCXBCCCBIBCBBKDDBDBCWWBCBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNSSBkBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBkBFFkC4CBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBzC+C+CBtBBSHB3BdBOBBLrBBbjBBqBCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBhC1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBF1B1BB8zC8zCBjHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBxC2O2OBrBrBBDBGBBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBReBDlCByBIBDmDBDxCBVQBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBdRRBDBCJBLEBCoBBYCBCHBVWBEEEBwBBCEEBDDBDBDCCZCBDKBICBNFBDFBDFBKGBCGBCqBBCNBHyDBej9KBNWBFwBBloItLBDpDBnBGBNEBGCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBxB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOjBBnBbBKWB7HpBBHBBRFB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB1D-BBgBHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBqBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBGjCjCBLBhCBBCPPBNNB0mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBn7F0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFBmI9BBzEsBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCCBCBBCGBDEBKBBhHGBCDBCBBCOBCkGB8BjCBI1lB1lBBCBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
    LC: () => new UnicodeRangeTable(decodeRanges("hCZBHZB7BLLBVBCeBCiGBCDBFvGBDZBhGDBDBBECBCHHCCBCCCBSBCyCBCqEBJlFBClBBKoBB44ClBBCGGDqBBDCBhV1CBDFBjkCKBGqBBDCBhCrBBgCMBChBBmD1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGBmIFFDJBCEEBDBHGCBCBCFBFDDBCBGEBF1B1BB8zC8zCB6DBDmDBHDBEBBNlBBCGGzoetBBTbBnEtCBCWBEDBCsCBZBBE2Z2ZBpBBGIBIvCBh6TGBNEBqgBZBHZBmlBvCBhDjBBFjBB1DKBCOBCGBCBBCKBCOBCGBCBBk2ByBBOyBB+CVBLVB74C-BBhrV-BBhBYBDYBtpZ0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BJBCTBHFB2uCjCB", false)),
    Ll: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDZBiGCCEEEBBBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBDCB5XFBjkCIBC2D2DBqBBgCMBChBBnD0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBBzIEEBEEcKFDBBJDBF2B2Bs1CvBBCEEBGCFCCBCCBEBGiDCBIICFFNlBBCGG0oesBCUaCoEMCBBBC+BCBGBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCbEE2ZqBBGIBIvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFB4vChBB", false)),
    Lm: () => new UnicodeRangeTable(decodeRanges("wVRBFLBPEBICCmEGG-OnHnHlFBBuIBBFgBgBKEEhFoFoF1mBgEgE2R72B72BsDkTkTxOFBvF+BBOjBjBBjBByVOORMBg-CBByHgGgG2OsBsBBDBGiDiDB+C+CBBB34bjnBjnBBEBvIzDzDdBB6DIBxCYYpDDBEBB2OXXqEtDtDWBBoDDBKngVngVuBBBh-BFBCpBBCIB0sBhBhB2K04D04DnrTDB9PCBpBBBnRMBhCBBCPPB9-P9-PBCBCGBCBByhM9BBqGGBud0Q0QsSAB", false)),
    Lo: () => new UnicodeRangeTable(decodeRanges("qFQQhIFFBCBxGBB7ZaBFDBuBfBCJBkBBBCiDBCZZBLLBBBDRRCdBe4CBMZZBfBWVBrBYBIKBGXBCGBRoBB8B1BBETTIJBROBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNFB8BBBCCCBDBCXBCCCBIBCBBKDDBDBYDBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNyDyDBnKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPByDrTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBpBkCkCBhBBC0BBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBxFuBBSHB3BdBOBBLrBBbjBBqBCBLdByDDBCFBCBBE7hB7hBBCB4-C3BBZWBKGBCGBCGBCGBCGBCGBCGBCGBoR2B2BF1CBJCCB4CBFGGBpBBC9CBSfBxBPBhQ-tGBhC0wUBC2jBBkCnBBJrIBFPBLBBjCyByBBkCBqFoDoDEGBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBuBEBDIBLEBCoBBYCBCHBVPBCFBEEEBwBBCEEBDDBDBDCCZBBEKBIPPBEBDFBDFBKGBCGByEiBBej9KBNWBFwBBloItLBDpDBkCCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBqDJBCsBBDeBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBhEtCBjDnBBJzBB9CzBBN2JBKVBLHB5EFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4FjBBnBDBCxJxJBoBBHBBRCBCBB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB0GHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBnBBCBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBB0BUBGSB0NnBB2MqCBGwFwFB0mHBqBfBiDyDBuwIiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBxzI2P2PBrBBiBiKiKBcBTrBBlPaBmHdBDwGwGBdBCCBCBBCGBDEBKiHiHBFBCDBCBBCOBCkGB8pBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
    Lt: () => new UnicodeRangeTable(decodeRanges("lOGDnB2sH2sHBGBJHBJHBNQQwBAB", false)),
    Lu: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBG+B+B9zCvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBB", false)),
    M: () => new UnicodeRangeTable(decodeRanges("gYvDB0IGBoIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCgBB3BCBCRBCGBLBBeCB5BCCBFBDBBDCBKLLBbbDCB5BCCBDBFBBDCBEffBEEMCB5BCCBGBCCBCCBVBBXFBCCB5BCCBFBDBBDCBICBLBBf8B8BBDBECBCDBKpBpBBDB4BCCBFBCCBCDBIBBMBBeCB5BCCBFBCCBCDBIBBMBBQNNBCB4BBBCGBCCBCDBKLLBeeBBBnCFFBEBCCCBGBTBB+BDDBFBNHBjDDDBHBMGBqCBBcECFBByBTBCBBGKBCjBBKlDlDBSBYDBFCBCCBDGBEDBOLBCLLBCBgWCBzdDBdCBeBBfBBhCfBKuBuBBBBC2D2DBjBjB3DLBFLB8GEB6BJBCcBDxBxBBsBBDLBVEBwBQBnBIBNCBfMB5BNBxBTB5ECBCUBFHHDCBnG-BBxWgBB--CCBuEhDhDBeBrRFBqDBB1udDBCJBhBBBxCBBxIEEFYYBDBF0C0CBzBzBBQBbRBOnBnBBGBaMBtBDBwBNBlBkCkCBMBNJJBuBuBBBBzBCCBBBDBBGBBCqBqBBDBGBBtHHBCBBx5TiXiXBOBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB7DCB2BOBqBDDBLLBCBuBKBI+B+BBBBlBNBRBBtBNNBBBxBNBJDBCBB9CLBHDD+ELBWDB4BBBCGBDBBDCBKLLBDDBFBEEBkCIBCDDCDBCEBCPPBzCzCBQBYyCyCBSBsHGBDIBcBBzCQBrDMBmDOBhIOB2HFBCBBDDBCCCBuEuEBFBDGBEddBIBpBGBCDBJKKBJBvBPBnGHBoGHBCHBzCVBCNB7DFBECCBCCBFBCjCjCBDBCBBCEB8KDBKBBCxBxBBFBEEBYmnFmnFHOBpmLRBhuCEB8BGB5gBCCB1BBIDByCMMBslTslTBizEizEBsBBDWB-QEBEFBJHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
    Mc: () => new UnicodeRangeTable(decodeRanges("joC4B4BDCBJDBCBBzBBB7BCBHBBDBBLsBsB7BCBjC7B7BBBBJCCB2B2BB7B7BCHHBDDBLLnDBBCBBECBCCBLqBqBBBB+BDB+BBB7BCCBDBDBBCBBKBBdPPB7B7BBBBGCBCCBLrBrBBsCsCBBBHHBTBBrKBBgCsFsFBFFHDDBaaBLLBBBDGBWBBDFBDLLBBB5zBffiEIIBGBCBB7KDBDCBFBBCFBhHBB7BCCKCCBJJBEByExBxBGCCBDBCBB+BffFBBD9B9BDCBCEEBxBxBBGBJBBsFWW35EBB0-dBBD5C5CBzBzBBOBvEBBwBxBxBBFFBDDBBBvDBBDBBZuBuBCuDuDDBBGuHuHBCCBCCBCC0gZCCgEuBuBBBBFBB0DZZB8B8BxBCBKBBO+C+CBBBEBBCrFrFBBBgBBB7BBBCDBDBBDCBKLLB1C1CBBBIDDCDBCBBCmDmDBBBJBBErDrDBBBHCCBCBDuHuHBBBHDBDyDyDBBBJBBCuDuDCBBHoDoDCBBFmImIBBBK4H4HBEBCBBFDDCvEvEBBBJDBF1C1CeBB-BqGqGECCoGPPrDIID2G2GBDBFBBC-K-KBNNxBBBJBBCpvQpvQBBBlxD2BBpDBB0rYBBHFB", false)),
    Me: () => new UnicodeRangeTable(decodeRanges("okBBB1xF-wB-wBBCBCCBsshBCB", false)),
    Mn: () => new UnicodeRangeTable(decodeRanges("gYvDB0IEBqIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCfB4BCCFHBFEEBFBLBBe7B7BFDBJVVBbbDBB6BFFBFFBDDBBBEffBEEMBB6BFFBDBCBBFVVBXXBEBC7B7BDCCBCBJIIBMMBff+BNNzBEE4BCCBBBGCBCDBIBBMBBe7B7BDHHGBBVBBdBB6BBBFDBJVVBeepCIIBBBC7C7CDGBNHBjDDDBHBMGBqCBBcEC4BNBCEBCBBGKBCjBBKnDnDBCBCFBCBBDBBaBBFCBRDBODDBHHQgWgWBBBzdCBeBBfBBfBBhCBBCGBJDDBJBKuBuBBBBC2D2DBjBjB3DCBFBBKHHBBB8GBBD7B7BCGBCCCDHBHJBDxBxBBMBCeBDLBVDBxBCCBDBCGGpBIBNBBhBDBDBBCCB5BCCBEECCB7BHBDBB5ECBCMBCGBFHHEBBnG-BBxWMBFEEBKB--CCBuEhDhDBeBrRDBsDBB1udFFBIBhBBBxCBBxIEEFaaBGG4EBBbRBOnBnBBGBaKBvBCBxBDDBCBDBBoBkCkCBEBDBBDBBNJJwB0B0BCCBDBBGBBCrBrBBJJvHDDFx5Tx5TiXPBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB8D3B3BBNBqBDDBLLBBByBDBDBBI+B+BBBBlBEBCHB-BNNB1B1BBHBLDBDgDgDBBBDCCBHHD+E+EEHBWBB6BBBEmBmBBFBEEBnCFBOECPBB2CHBDCBCYY1CFBCFFBCCBvHvHBCBHBBCBBcBB2CHBDCCBrDrDCDDBEBCmDmDCDDBCBCEBkIIBCBBhIBBCFFxEDBDBBFhBhBBIBpBFBDDBJKKBEBDCBvBMBCBBnGCCBBBCqGqGBFBCFBCzCzCBUBDGBCBBCBB7DFBECCBCCBFBCpCpCBEEC8K8KBMMB1B1BBDBGCCYmnFmnFHOBpmLLBECBhuCEB8BGB5gBgCgCBCByC5lT5lTBizEizEBsBBDWBhRCBSHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
    N: () => new UnicodeRangeTable(decodeRanges("wBJB5DBBGDDBBBitBJBnEJBnGJB9MJB3DJBFFBtDJB3DJB3DJBDFBvDMB0DJBJGBoDJBpDGBISBuDJBhDJB3DJBnCTBtIJBnCJBwWTBybCBwHJBHJBXJBtJJBhEKBmFJBHJB3FJB3CJBnEJBHJB3gBEEBEBHJBnGyBBDEB3W7BBvCVB3TdBqrBqYqYaIBPCB4KDBrEJBfHBCOBhBJBoBOBh7cJB9FJBhKFB7EJBnBJBnGJBXJB3CJB3MJB34UJBuPsBBN4BBSBB2KaBlBDBeJJnEEBrGJBvdHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBxBJBHJB3IeB-EJBrBDBxDGBnEdBhEJB9BJBxEJBITB8HJB3KJB3DJB3LJBnDJBHTBtCLBlNSB+CJB3UJB3CcBkHJBnCJB3BJBnLJBnDUBshBuDBimPJBnpCJB3CJBnEJBCGBvQJBnIWB+KCB6nXJBnuBTBNTBtDYB2iBxBBhqCJBnNJB3PJB4HJBtWIBhEJB4Y6BBCCBCDBtCsBBCOBjeMBk3CJB", false)),
    Nd: () => new UnicodeRangeTable(decodeRanges("wBJnxBJnEJnGJ9MJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJhDJ3DJnCJ3IJnCJn6BJnBJtJJhEJnFJHJ3FJ3CJnEJHJnuiBJnVJnBJnGJXJ3CJ3MJ34UJnsBJnkCJHJ9YJhEJ9BJxEJ3IJ3KJ3DJ3LJnDJHTtCJnNJnDJ3UJ3CJ3HJnCJ3BJnLJ3uQJnpCJ3CJnEJ3QJ37XJ12CxBhqCJnNJ3PJ4HJ2aJ30EJ", true)),
    Nl: () => new UnicodeRangeTable(decodeRanges("u3FCBwzCiBBDDB-zDaaBHBPCBs1dJBxyW0BBtOJJnEEBrhIuDBm8SCB", false)),
    No: () => new UnicodeRangeTable(decodeRanges("yFBBGDDBBB2pCFB5LFB5DCBmEGB6GGBSIByNJB2hBTB0jBJBhP20B20BEFBHJBnGPBqB3W3WB6BBvCVB3TdBqrB1kB1kBBCBrEJBfHBCOBhBJBoBOBxrdFBymWsBBiCDBSBB2KaBlBDB1pBHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBhLeB-EJBrBDBxDGBnETB8LTBmqBBBvNIBobSB0aUBn8SGB-YWBqhZTBNTBtDYBvqFIBid6BBCCBCDBtCsBBCOBjeMB", false)),
    P: () => new UnicodeRangeTable(decodeRanges("hBCBCFBCDBLBBEBBbCBCccCkBkBGEELBBEEE-VJJzOFBqBBB0BCCDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCmBmBBCBoCrCrCBDBFBBwDFBsFlTlTBHB4EuTuTtBBBvCCBoCBB+ECBCCBmBKB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBM9Z9ZBWBJTBCMBCLBfBBPBB6TDBeBB+hBNBwCBBgBJB0MVBgCDBhBBB8XDBCBBxDwEwEBtBBCfBDLBkNCBFJBDLBRNNjD7C7CjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HzqUzqUBxGxGBIBXiBBCNBCFFCBB2ECBCFBCDBLBBEBBbCBCccCCCBFB7MCB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDByO-J-JjBlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
    Pc: () => new UnicodeRangeTable(decodeRanges("-Cg-Hg-HBUU-u3BBBZCBwHAB", false)),
    Pd: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEBiwDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
    Pe: () => new UnicodeRangeTable(decodeRanges("pB0B0BgB+1D+1DC-6B-6BqtC4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECtBGCtNICEGCDBB-ozB6G6GeOCESSCCCrF0B0BgBGD", false)),
    Pf: () => new UnicodeRangeTable(decodeRanges("7F+6H+6HEddpuDCCFDDQEE", false)),
    Pi: () => new UnicodeRangeTable(decodeRanges("rFt7Ht7HDBBDaapuDCCFDDQEE", false)),
    Po: () => new UnicodeRangeTable(decodeRanges("hBCBCCBDECBLLBEEBcclCGGPBBI-V-VJzOzOBEBqB3B3BDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCxDxDrCEBFBBwDFBsFlTlTBHBmY9D9DBBBoCBB+ECBCCBmBFBCDB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBMjajaBJJBGBJIBDDBDCBEKBCCCBIB7kDDBCBBxDwEwEBFFBBBDDDBHBCBBCDDBLLBDBCJBDDBCCCBLBDCBtNCB6B+F+FjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HlxUlxUBFBDXXVBBDDBECBCDBICBHCCB2E2EBBBCCBDECBLLBEEBcclBDDB7M7MBBB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDB0ZlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
    Ps: () => new UnicodeRangeTable(decodeRanges("oBzBzBgB-1D-1DC-6B-6B-rCEEnB4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECaTTCECtNICEGCDipzBipzB4GeeCMCESSCCCrFzBzBgBEEDAB", false)),
    S: () => new UnicodeRangeTable(decodeRanges("kBHHRCBgBCCcCCkBEBCBBDCCBCBDEEfgBgBrODBNNBGGBCCCBPB2DPPBxDxDsErIrIBBB3DCBDDDBvGvGLUUB4H4HIBBpEqLqLBHHB2H2H-DjEjEBGBlEwGwGqBmGmGiGCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WuLuLlL+E+EBgBBiLJBKIBhiBCCBBBMCBOCBOCBOBBmCOOoBCBOCBUhBB-BBBCDBCBBLCCBBBGFBCECFMMBFFBDBGDBC7B7BBFFB2LBFcBD+HBXKByCtCBXnTBtBwBBDeBLyMBX+BBFfBD1LBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBB8CBB0HBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BB6RWBKBBoDBB+EDBLDB+RCBiHPPB+9T+9TpEgBBuLPBhCBB3BHBtBDBjDCCBBBD7E7EHRRBBBgBCCcCCiEGBCGBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSmWmWBiKiKBGBnjC2kC2kCBbBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQQBgDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBrbaagBaagBaagBaagBaa9B-PB4BDBzBHBCNBCBBp2BwNwNttCEE+DiOiOBvIvIBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
    Sc: () => new UnicodeRangeTable(decodeRanges("kB+D+DBCBqnB8D8DzPBBzPBBI2H2HoImSmS8sClmClmCBgBB37hBkuVkuVtD7E7E8GBBEBB3-HDB-4wBxtCxtC", false)),
    Sk: () => new UnicodeRangeTable(decodeRanges("+CCCoCHHFEEqQDBNNBGGBCCCBPB2DPPBjoBjoB15FCCBBBMCBOCBOCBOBB9kEBBkzdWBKBBoDBBxePPBniUniUBPB8bCCjF4g9B4g9BBDB", false)),
    Sm: () => new UnicodeRangeTable(decodeRanges("rBRRBBB+BCCuBFFmBgBgB-XwQwQBBB8xGOOoBCBOCBsEoBoBBDBHlClCBDBGBBFGDIgBgBBDDCgBgBBqIBhBBB7CffBXBpBFB2OKK3BHBwDxKxKBDBDeBLPBhIiEBX+BBFfBDhIBxBUBDFB9+zB5Z5ZCCBlFRRBBB+BCCkEHHBCBitDBBhrwBx+Bx+BagBgBagBgBagBgBagBgBat5Ft5FB-uC-uCBHB", false)),
    So: () => new UnicodeRangeTable(decodeRanges("mFDDFCCyerIrIBgEgEBvGvGLUUB4H4HkQ2L2LjEFBClElEwGqBqBoMCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WzWzW+EhBBiLJBKIBksBBBCDBCBBLCCBHHBEBCECFMMBPPCBBC7B7BBKKBDBDDBCBBCBBCGBCeBDBBCCCBdBtIHBFTBDGBDwCBCdBanBBHnCBXKByCtCBX2FBCIBC1BBJuDBC3HBtBrBBhC-HBhQvBBWBBHmBBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBBxKBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BBibDBLBBC+R+RBBBqqUPBuLPBhCBB3BHBuBCBlPEEFBBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSpgBpgBBGBnjC2kC2kCBGBFQBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQPBhDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBqlB-PB4BDBzBHBCNBCBBp2B96C96CiEyWyWBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E6HBG4WBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBB-B3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
    Z: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBeBBGwBwBh9DAB", false)),
    Zl: () => new UnicodeRangeTable(decodeRanges("ohIA", true)),
    Zp: () => new UnicodeRangeTable(decodeRanges("phIA", true)),
    Zs: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBlBwBwBh9DAB", false)),
    ASCII_Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbF", true)),
    Alphabetic: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICC3CeeBQBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoBNBCCCBCCBCCJaBFDBeKBG3BBCGBPlDBCHBFHBFCBLCBDRRBuBBOkDBZgBBKBBFGGBWBDSBUYBIKBGXBCGBIJJBoBBLLBEGBHrCBCPBCCBFOBOSBCHBDBBDVBCGBCEEBCBEHBDBBDBBCJJFBBCEBNBBLFFBBBCFBFBBDVBCGBCBBCBBCBBFEBFBBDBBFIIBCBCSSBEBMCBCIBCCBCVBCGBCBBCEBEIBCCBCBBEQQBCBWDBFCBCHBDBBDVBCGBCBBCEBEHBDBBDBBKBBFBBCEBORRBCCBEBECBCDBEBBCCCBEEBEEBBBELBFEBECBCCBEHHpBMBCCBCWBCPBEHBCCBCCBJBBCCBCBBDDBdDBCHBCCBCWBCJBCEBEHBCCBCCBJBBGCBCDBOCBNMBCCBCoBBDHBCCBCCBCGGBCBIEBXFBCCBCRBEXBCIBCDDBFBJFBCCCBGBTBBO5BBGGBH0B0BBECBDBCXBCCCBRBCCBDEBCHHPDBhBgCgCBGBCjBBFSBFPBCjBBkC2BBCDDBDBR-BBLDBDlBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBEKBITBMUBNTBNMBCCBCBBNzBBDSBPFFkC4CBIqBBGlCBLeBCLBFIBYdBDEBMrBBFZB3BbBF+BBDTBzBYYBMMBBByBzBBCOBCHB0BpBBDDBLrBBCKBP2BBXCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBUhBBM1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBFSSBnBBuZzBB34BkHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBCfBwB2O2OBBBaIBIEBDEBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBGHBEwDBoBIBDmDBDxCBVUBCgBBZzBBNjCBCtBtBBEBECCBBBLgBBGiBBOcBEyBBCLBQRRBOBLEBC2BBKNBTWBEkCBCCCZCBDPBDDBMFBDFBDFBKGBCGBCqBBCNBH6DBWj9KBNWBFwBBloItLBDpDBnBGBNEBGLBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmC0BBsIcBEwBBwBfBOdBGqBBGdBDjBBFHBCEBrB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCDBCBBGHBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOnBBjBbBEGGBVB7HpBBCBBEBBRFBzBCBEcBLJJBUBrBRBvBUBcWBKlCBsBEBL4BBKOOBXBYyBBSDBJiBBEKKB+BBCDBKBBLCCkBRBChBBDHHBCB-BGBCCCBCBCOBCJBI4BBYDBCHBDBBDVBCGBCBBCEBEHBDBBDBBEHHGGBdJBCDDClBBCJBCDDCDBCBBECCtBhCBCCBCDBVCBfhCBDBBC5F5FB0BBDGBaFBjB+BBCEE8B1BBDoCoCBZBDNBWGB6F4BBoD-BBgBHBDDDBGBCBBCdBCBBDBBDDB+CHBDtBBDFBCCCBccBxBBDJBSnCBGTTBnCBoDHB5CgBBgBIBCsBBCGBCyByBBcBDVBCNBqCGBCBBCrBBECCBCCBBBCDDBZZBEBCBBCkBBCBBCDBCYYBqBBlIWBKQBCoBBECBwDwCwCB4cBnDuDBSjGBtyCgDBQvhBBSFBa68DBGmSB61GuBBy2B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBF4BBIQBhCBBCNNBFBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBFi7Fi7FBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCVBJBBhHGBCDBCBBCOBCkGB8BjCBEEE1lBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1TZBHZBHZB3zD-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
    Dash: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEB+BoBoBQnMnMlgDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
    Emoji: () => new UnicodeRangeTable(decodeRanges("jBHHGJBwDFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDrGrGhFBBNBBPDDBIBsCZBCBBYVVDIBWBBvFhBBDvDBDBBCCBDyCBDCBCmIBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDDBEJBECCBEEDJBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
    Emoji_Component: () => new UnicodeRangeTable(decodeRanges("jBHHGJB0+H2G2Gsp3B3+8B3+8BBYB8PEBxtBDBtzhY-CB", false)),
    Emoji_Modifier: () => new UnicodeRangeTable(decodeRanges("7-8DE", true)),
    Emoji_Modifier_Base: () => new UnicodeRangeTable(decodeRanges("9wJ8G8GRDB4jzD9B9BBBBDDDBBB2DBBDKBWSBEFFBBBCCBICCZqGqGBFFWFFBvFvFBBBEEB0CRRBBBKMMgSDDJHBHKKBIBDCB5B+B+BBCCBCCSCBCMBmHCBrBIB", false)),
    Emoji_Presentation: () => new UnicodeRangeTable(decodeRanges("64IBBuGDBEDDqQBBWBBzBLBsBUUOJJBSSBGGBJJGWWIBBCFFDIIFBBdkBkBCFFBBBC+B+BBBBZPP8aBB0BFFvlxDrGrG-FDDBIBsCZBCZZVDDBDBCCBWBBvFgBBNIBClCBCVBNqBBFEBNQBEEEBlCBCCCB5FBD+BBODBCXBTbbBOO3C0CBxBlCBHEEBBBDDBEDBMBBIIBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
    Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("pFFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDoBoBBCBlDLBQBBQPPBmBmBBIBxDBBNBBPDDBIBU3BBcOBLVVDIBCDBKWBH7FBDvDBDBBCCBDyCBDCBCDBG9HBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDQBECCBEBDMB7GlBBNDB5BHBLFBpBHBfBBNDBDNBKmBBNuBBCJBC4FB5CHBPxEBhI9fB", false)),
    Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbFq1-BJIFbF", true)),
    Lowercase: () => new UnicodeRangeTable(decodeRanges("hDZBwBLLFlBlBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDiBBIBBfEBhDsBsBCEEDDBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBCDB5XFBjkCIBC2D2DB+FBiC0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBB6DOORMBuDEEBEEcKFDBBJDBFiBiBBOBFsasaBYBn6BvBBCEEBGCFCCBCCBGBEiDCBIICFFNlBBCGG0oesBCUaCBBBmEMCBBBC8BCBIBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCWDBCCCBBB2ZqBBCNBHvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBkODDBBBCpBBCIBmoByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFBmI9BB1lChBB", false)),
    Math: () => new UnicodeRangeTable(decodeRanges("rBRRBBBgBeeCuBuBFmBmBgB5W5WBBBDbbBDDBBBwQCBuwGccBBBMEEOPPBCBWEBMEBiCMBFEEBFFBDBTFFDJBCDDBEBHEEBDDBCCBBBCFBENBClClCBWBCFBCBBFBBFfBCHHBPPBqIBJDBVBB7CffBZBCZZMGB+NBBNJBFFBFBBDBBEEBPCCDFBMHBGBB6BCCeDBKCBxK-BBhI-PBxBUBDFB9+zB4Z4ZBEBCjFjFRCBeCCeCCkEHHBCBitDBBhrwBwoBwoBBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBBhwFDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB-uCIB", false)),
    Quotation_Mark: () => new UnicodeRangeTable(decodeRanges("iBFFkEQQ96HHBaBBowDqOqOBCBOCBixzBDB+FFF7CBB", false)),
    Terminal_Punctuation: () => new UnicodeRangeTable(decodeRanges("hBLLCMMBEE-ZJJiQ6B6BpCPPCCB1FsBsBBJBCsHsHB3B3BBEBCHBgBmImIB1nB1nBBtFtFFFB4JBB2YHBmY9D9DBBBoCBB+ECBEoBoBBCBDBB7JBBjLDBjFBBLBBCCBeCB8FEB-BBBldYYBKKBBBwlDCBzJOOFLLCBBEBBtNBB8ndBBuICBkHEB-LBB3CBBgD4E4EBBB0ECBgERRB6H6HnxUDDB6B6BBBBCDBqFLLCMMBEEiCDD7hBxBxBnkBoGoG3JBB5EFBlCFB6CDB5dEBtBDB+FGBxDDBgECBiEBBHRRB5C5CBDBtDrJrJB2D2DBBBNBBnLDBEOBqDBB6HCBmQCC8HBB4CBBFBB-MCBuBmUmUBrCrCBspBspBBDB6vRBBmEiCiCBBBLqRqRBoJoJBnwTnwTovHDB", false)),
    Uppercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBGbbBOBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBBvgCZBHZBHZB", false)),
    White_Space: () => new UnicodeRangeTable(decodeRanges("JEBTlDlDbgvFgvFgsCKBeBBGwBwBh9DAB", false))
  });
  static SCRIPTS = new LazyMap({
    Adlam: () => new UnicodeRangeTable(decodeRanges("go6DrCFJFB", true)),
    Ahom: () => new UnicodeRangeTable(decodeRanges("g4lCaDOFW", true)),
    Anatolian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggxCmS", true)),
    Arabic: () => new UnicodeRangeTable(decodeRanges("gwBEBCFBCNBCCBCfBCJBMZBCrDBChBBxCvBBxHhBBGqCBCcBxy8BtPBDvEBhBPBxDEBCmEBk7DeBkCFBJIBiBFBh43BDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB", false)),
    Armenian: () => new UnicodeRangeTable(decodeRanges("xpBlBDxBDCks9BE", true)),
    Avestan: () => new UnicodeRangeTable(decodeRanges("g4iC1BEG", true)),
    Balinese: () => new UnicodeRangeTable(decodeRanges("g4GsCCxB", true)),
    Bamum: () => new UnicodeRangeTable(decodeRanges("g1pB3CpowB4R", true)),
    Bassa_Vah: () => new UnicodeRangeTable(decodeRanges("w26CdDF", true)),
    Batak: () => new UnicodeRangeTable(decodeRanges("g+GzBJD", true)),
    Bengali: () => new UnicodeRangeTable(decodeRanges("gsCDBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYB", false)),
    Beria_Erfe: () => new UnicodeRangeTable(decodeRanges("g17CYDY", true)),
    Bhaiksuki: () => new UnicodeRangeTable(decodeRanges("ggnCICsBCNLc", true)),
    Bopomofo: () => new UnicodeRangeTable(decodeRanges("qXB6wLqBxDf", true)),
    Brahmi: () => new UnicodeRangeTable(decodeRanges("ggkCtCFjBKA", true)),
    Braille: () => new UnicodeRangeTable(decodeRanges("ggK-H", true)),
    Buginese: () => new UnicodeRangeTable(decodeRanges("gwGbDB", true)),
    Buhid: () => new UnicodeRangeTable(decodeRanges("g6FT", true)),
    Canadian_Aboriginal: () => new UnicodeRangeTable(decodeRanges("ggF-TxRlC7tgCP", true)),
    Carian: () => new UnicodeRangeTable(decodeRanges("g1gCwB", true)),
    Caucasian_Albanian: () => new UnicodeRangeTable(decodeRanges("wphCzBMA", true)),
    Chakma: () => new UnicodeRangeTable(decodeRanges("gokC0BCR", true)),
    Cham: () => new UnicodeRangeTable(decodeRanges("gwqB2BKNDJDD", true)),
    Cherokee: () => new UnicodeRangeTable(decodeRanges("g9E1CDFz7lBvC", true)),
    Chorasmian: () => new UnicodeRangeTable(decodeRanges("w9jCb", true)),
    Common: () => new UnicodeRangeTable(decodeRanges("AgCBbFBbuBBCOBCEBYgBgBiOmBBGEBDTB1DKKHCC+THHPEEhB9E9ElQiEiEB6mB6mB2MDBjJwvBwvBBBBoCBBsGBBCumBumBOIIBCBCFBCCBDmYmYBKBD2CBCKBEKBCOBShBB-BlBBCCBDFBCaBCQBqBCBF5UBXKBW-cBhIzTBDpEBhQ9CBzMUBCCCBXBQHBFDB8CBBE7C7CB0E0EBOBhBlBBKxBxBB+BBgBwCBwB5C5CBmFBhuG-BBhoWhBBnDCBmFJB1HhFhFsMPPBzuUzuUBxGxGBIBXiBBCSBCDB0ECCBeBbFBbKBLuBuBBhChCBFBCGBLEBjICBFsBBEIBxCMB0BsBBlHaBltuBDB96D8HBEzNBHWBQQBgDzDB9B1HBLmBBD9BBEQBJBBIdBF8BB2GTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBByjFjCBtC8BBjWrBBFjDBNOBDOBCOBCkBBLtFB5BZBCBBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBnghYffB+CB", false)),
    Coptic: () => new UnicodeRangeTable(decodeRanges("ifNxkKzDGG", true)),
    Cuneiform: () => new UnicodeRangeTable(decodeRanges("ggoC5cnDuDCEMjG", true)),
    Cypriot: () => new UnicodeRangeTable(decodeRanges("ggiCFBDCCBqBBCBBEDD", false)),
    Cypro_Minoan: () => new UnicodeRangeTable(decodeRanges("w8rCiD", true)),
    Cyrillic: () => new UnicodeRangeTable(decodeRanges("ggBkEBDoFBx6FKBhFtCtCojEfBhie-CBv8VBBhw4B9BBiBAB", false)),
    Deseret: () => new UnicodeRangeTable(decodeRanges("gghCvC", true)),
    Devanagari: () => new UnicodeRangeTable(decodeRanges("goCwCFODZh7nBfhwcJ", true)),
    Dives_Akuru: () => new UnicodeRangeTable(decodeRanges("gomCGBDDDBGBCBBCdBCBBDLBKJB", false)),
    Dogra: () => new UnicodeRangeTable(decodeRanges("ggmC7B", true)),
    Duployan: () => new UnicodeRangeTable(decodeRanges("ggvDqDGMEIIJDD", true)),
    Egyptian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggsC1iBL68D", true)),
    Elbasan: () => new UnicodeRangeTable(decodeRanges("gohCnB", true)),
    Elymaic: () => new UnicodeRangeTable(decodeRanges("g-jCW", true)),
    Ethiopic: () => new UnicodeRangeTable(decodeRanges("gwEoCBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBnvGWBKGBCGBCGBCGBCGBCGBCGBCGBjpfFBDFBDFBKGBCGBylvCGBCDBCBBCOB", false)),
    Garay: () => new UnicodeRangeTable(decodeRanges("gqjClBEcJB", true)),
    Georgian: () => new UnicodeRangeTable(decodeRanges("glElBBCGGDqBBCDBx8CqBBDCBhiElBBCGG", false)),
    Glagolitic: () => new UnicodeRangeTable(decodeRanges("ggL-Ch9sDGCQDGCBCE", true)),
    Gothic: () => new UnicodeRangeTable(decodeRanges("w5gCa", true)),
    Grantha: () => new UnicodeRangeTable(decodeRanges("g4kCDBCHBDBBDVBCGBCBBCEBDIBDBBDCBDHHGGBDGBEEB", false)),
    Greek: () => new UnicodeRangeTable(decodeRanges("wbDBCCBDDBCFFCCCBBBCCCBSBC+BBPPBnpGEBzBEBFEB1ChKhKBUBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBoJ-xiB-xiB7uVuCBSgj0Bgj0BBkCB", false)),
    Gujarati: () => new UnicodeRangeTable(decodeRanges("h0CCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGB", false)),
    Gunjala_Gondi: () => new UnicodeRangeTable(decodeRanges("grnCFCBCkBCBCFIJ", true)),
    Gurmukhi: () => new UnicodeRangeTable(decodeRanges("hwCCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPB", false)),
    Gurung_Khema: () => new UnicodeRangeTable(decodeRanges("go4C5B", true)),
    Han: () => new UnicodeRangeTable(decodeRanges("g0LZBC4CBN1GBwBCCaIBPDBle-tGBhC-vUBhoWtLBDpDBpodBBNGBqgkB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
    Hangul: () => new UnicodeRangeTable(decodeRanges("goE-HvxHBiI9CyDeiCei3dckUj9KNWFwBl9JeEFDFDFDC", true)),
    Hanifi_Rohingya: () => new UnicodeRangeTable(decodeRanges("gojCnBJJ", true)),
    Hanunoo: () => new UnicodeRangeTable(decodeRanges("g5FU", true)),
    Hatran: () => new UnicodeRangeTable(decodeRanges("gniCSCBGE", true)),
    Hebrew: () => new UnicodeRangeTable(decodeRanges("xsB2BBJaBFFBpp9BZBCEBCCCBCCBCCBIB", false)),
    Hiragana: () => new UnicodeRangeTable(decodeRanges("hiM1CBHCBi7-C+IBTeeBBBulQAB", false)),
    Imperial_Aramaic: () => new UnicodeRangeTable(decodeRanges("giiCVCI", true)),
    Inherited: () => new UnicodeRangeTable(decodeRanges("gYvDB2IBBlOKBbhXhXBCB8qEtBBDLBlPCBCMBCGBFHHEBBnG-BBtQBBjGgBB65DDBsDBBmrzBPBRNBwejHjH7iEl+uBl+uBBsBBDWBhRCBSHBDGBfDBz6rYvHB", false)),
    Inscriptional_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g7iCSGH", true)),
    Inscriptional_Parthian: () => new UnicodeRangeTable(decodeRanges("g6iCVDH", true)),
    Javanese: () => new UnicodeRangeTable(decodeRanges("gsqBtCDJFB", true)),
    Kaithi: () => new UnicodeRangeTable(decodeRanges("gkkCiCLA", true)),
    Kannada: () => new UnicodeRangeTable(decodeRanges("gkDMCCCWCJCEDICCCDIBGCCDDJCC", true)),
    Katakana: () => new UnicodeRangeTable(decodeRanges("hlM5CBDCBxHPBxGuBBC3CBvgzBJBCsBBzisBDBCGBCBBCgJgJBBBzBPPBCB", false)),
    Kawi: () => new UnicodeRangeTable(decodeRanges("g4nCQCoBEc", true)),
    Kayah_Li: () => new UnicodeRangeTable(decodeRanges("goqBtBCA", true)),
    Kharoshthi: () => new UnicodeRangeTable(decodeRanges("gwiCDCBGHCCCcDCFJII", true)),
    Khitan_Small_Script: () => new UnicodeRangeTable(decodeRanges("k-7C84G84GB0OBqBAB", false)),
    Khmer: () => new UnicodeRangeTable(decodeRanges("g8F9CDJHJnPf", true)),
    Khojki: () => new UnicodeRangeTable(decodeRanges("gwkCRCuB", true)),
    Khudawadi: () => new UnicodeRangeTable(decodeRanges("w1kC6BGJ", true)),
    Kirat_Rai: () => new UnicodeRangeTable(decodeRanges("gq7C5B", true)),
    Lao: () => new UnicodeRangeTable(decodeRanges("h0DBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDB", false)),
    Latin: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBQQGWBCeBCgOBoBEB8wGlBBHwBBGDBGMBClCBiC-HByLOORMBuEBBHccSoBB42CfBj1elDBExCBVOBxZqBBCIBCDB38TGB7gBZBHZBmhCFBCpBBCIBm61BeBHFB", false)),
    Lepcha: () => new UnicodeRangeTable(decodeRanges("ggH3BEOEC", true)),
    Limbu: () => new UnicodeRangeTable(decodeRanges("goGeBCLBFLBFEEBKB", false)),
    Linear_A: () => new UnicodeRangeTable(decodeRanges("gwhC2JKVLH", true)),
    Linear_B: () => new UnicodeRangeTable(decodeRanges("gggCLCZCSCBCODNjB6D", true)),
    Lisu: () => new UnicodeRangeTable(decodeRanges("wmpBvBx1eA", true)),
    Lycian: () => new UnicodeRangeTable(decodeRanges("g0gCc", true)),
    Lydian: () => new UnicodeRangeTable(decodeRanges("gpiCZGA", true)),
    Mahajani: () => new UnicodeRangeTable(decodeRanges("wqkCmB", true)),
    Makasar: () => new UnicodeRangeTable(decodeRanges("g3nCY", true)),
    Malayalam: () => new UnicodeRangeTable(decodeRanges("goDMCCCyBCCCFFPDZ", true)),
    Mandaic: () => new UnicodeRangeTable(decodeRanges("giCbDA", true)),
    Manichaean: () => new UnicodeRangeTable(decodeRanges("g2iCmBFL", true)),
    Marchen: () => new UnicodeRangeTable(decodeRanges("wjnCfDVCN", true)),
    Masaram_Gondi: () => new UnicodeRangeTable(decodeRanges("gonCGBCBBCrBBECCBCCBHBJJB", false)),
    Medefaidrin: () => new UnicodeRangeTable(decodeRanges("gy7C6C", true)),
    Meetei_Mayek: () => new UnicodeRangeTable(decodeRanges("g3qBWqGtBDJ", true)),
    Mende_Kikakui: () => new UnicodeRangeTable(decodeRanges("gg6DkGDP", true)),
    Meroitic_Cursive: () => new UnicodeRangeTable(decodeRanges("gtiCXFTDtB", true)),
    Meroitic_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("gsiCf", true)),
    Miao: () => new UnicodeRangeTable(decodeRanges("g47CqCF4BIQ", true)),
    Modi: () => new UnicodeRangeTable(decodeRanges("gwlCkCMJ", true)),
    Mongolian: () => new UnicodeRangeTable(decodeRanges("ggGBBDCCBSBH4CBIqBB2t-BMB", false)),
    Mro: () => new UnicodeRangeTable(decodeRanges("gy6CeCJFB", true)),
    Multani: () => new UnicodeRangeTable(decodeRanges("g0kCGBCCCBCBCOBCKB", false)),
    Myanmar: () => new UnicodeRangeTable(decodeRanges("ggE-EhqmBeiDfxibT", true)),
    Nabataean: () => new UnicodeRangeTable(decodeRanges("gkiCeJI", true)),
    Nag_Mundari: () => new UnicodeRangeTable(decodeRanges("wm5DpB", true)),
    Nandinagari: () => new UnicodeRangeTable(decodeRanges("gtmCHDtBDK", true)),
    New_Tai_Lue: () => new UnicodeRangeTable(decodeRanges("gsGrBFZHKEB", true)),
    Newa: () => new UnicodeRangeTable(decodeRanges("gglC7CCE", true)),
    Nko: () => new UnicodeRangeTable(decodeRanges("g+B6BDC", true)),
    Nushu: () => new UnicodeRangeTable(decodeRanges("h-7CvsQvsQBqMB", false)),
    Nyiakeng_Puachue_Hmong: () => new UnicodeRangeTable(decodeRanges("go4DsBENDJFB", true)),
    Ogham: () => new UnicodeRangeTable(decodeRanges("g0Fc", true)),
    Ol_Chiki: () => new UnicodeRangeTable(decodeRanges("wiHvB", true)),
    Ol_Onal: () => new UnicodeRangeTable(decodeRanges("wu5DqBFA", true)),
    Old_Hungarian: () => new UnicodeRangeTable(decodeRanges("gkjCyBOyBIF", true)),
    Old_Italic: () => new UnicodeRangeTable(decodeRanges("g4gCjBKC", true)),
    Old_North_Arabian: () => new UnicodeRangeTable(decodeRanges("g0iCf", true)),
    Old_Permic: () => new UnicodeRangeTable(decodeRanges("w6gCqB", true)),
    Old_Persian: () => new UnicodeRangeTable(decodeRanges("g9gCjBFN", true)),
    Old_Sogdian: () => new UnicodeRangeTable(decodeRanges("g4jCnB", true)),
    Old_South_Arabian: () => new UnicodeRangeTable(decodeRanges("gziCf", true)),
    Old_Turkic: () => new UnicodeRangeTable(decodeRanges("ggjCoC", true)),
    Old_Uyghur: () => new UnicodeRangeTable(decodeRanges("w7jCZ", true)),
    Oriya: () => new UnicodeRangeTable(decodeRanges("h4CCCHDBDVCGCBCEDIDBDCICFBCEDR", true)),
    Osage: () => new UnicodeRangeTable(decodeRanges("wlhCjBFjB", true)),
    Osmanya: () => new UnicodeRangeTable(decodeRanges("gkhCdDJ", true)),
    Pahawh_Hmong: () => new UnicodeRangeTable(decodeRanges("g46ClCLJCGCUGS", true)),
    Palmyrene: () => new UnicodeRangeTable(decodeRanges("gjiCf", true)),
    Pau_Cin_Hau: () => new UnicodeRangeTable(decodeRanges("g2mC4B", true)),
    Phags_Pa: () => new UnicodeRangeTable(decodeRanges("giqB3B", true)),
    Phoenician: () => new UnicodeRangeTable(decodeRanges("goiCbEA", true)),
    Psalter_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g8iCRIDNG", true)),
    Rejang: () => new UnicodeRangeTable(decodeRanges("wpqBjBMA", true)),
    Runic: () => new UnicodeRangeTable(decodeRanges("g1FqCEK", true)),
    Samaritan: () => new UnicodeRangeTable(decodeRanges("ggCtBDO", true)),
    Saurashtra: () => new UnicodeRangeTable(decodeRanges("gkqBlCJL", true)),
    Sharada: () => new UnicodeRangeTable(decodeRanges("gskC-ChsCH", true)),
    Shavian: () => new UnicodeRangeTable(decodeRanges("wihCvB", true)),
    Siddham: () => new UnicodeRangeTable(decodeRanges("gslC1BDlB", true)),
    Sidetic: () => new UnicodeRangeTable(decodeRanges("gqiCZ", true)),
    SignWriting: () => new UnicodeRangeTable(decodeRanges("gg2DrUQECO", true)),
    Sinhala: () => new UnicodeRangeTable(decodeRanges("hsDCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBt-gCTB", false)),
    Sogdian: () => new UnicodeRangeTable(decodeRanges("w5jCpB", true)),
    Sora_Sompeng: () => new UnicodeRangeTable(decodeRanges("wmkCYIJ", true)),
    Soyombo: () => new UnicodeRangeTable(decodeRanges("wymCyC", true)),
    Sundanese: () => new UnicodeRangeTable(decodeRanges("g8G-BhIH", true)),
    Sunuwar: () => new UnicodeRangeTable(decodeRanges("g+mChBPJ", true)),
    Syloti_Nagri: () => new UnicodeRangeTable(decodeRanges("ggqBsB", true)),
    Syriac: () => new UnicodeRangeTable(decodeRanges("g4BNC7BDCxIK", true)),
    Tagalog: () => new UnicodeRangeTable(decodeRanges("g4FVKA", true)),
    Tagbanwa: () => new UnicodeRangeTable(decodeRanges("g7FMCCCB", true)),
    Tai_Le: () => new UnicodeRangeTable(decodeRanges("wqGdDE", true)),
    Tai_Tham: () => new UnicodeRangeTable(decodeRanges("gxG+BCcDKHJHN", true)),
    Tai_Viet: () => new UnicodeRangeTable(decodeRanges("g0qBiCZE", true)),
    Tai_Yo: () => new UnicodeRangeTable(decodeRanges("g25DeCVJB", true)),
    Takri: () => new UnicodeRangeTable(decodeRanges("g0lC5BHJ", true)),
    Tamil: () => new UnicodeRangeTable(decodeRanges("i8CBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBm+kCxBBOAB", false)),
    Tangsa: () => new UnicodeRangeTable(decodeRanges("wz6CuCCJ", true)),
    Tangut: () => new UnicodeRangeTable(decodeRanges("g-7CgBgBB+3GBhQeBiDyDB", false)),
    Telugu: () => new UnicodeRangeTable(decodeRanges("ggDMCCCWCPDICCCDIBCCCBDDDJII", true)),
    Thaana: () => new UnicodeRangeTable(decodeRanges("g8BxB", true)),
    Thai: () => new UnicodeRangeTable(decodeRanges("hwD5BGb", true)),
    Tibetan: () => new UnicodeRangeTable(decodeRanges("g4DnCCjBFmBCjBCOCGFB", true)),
    Tifinagh: () => new UnicodeRangeTable(decodeRanges("wpL3BIBPA", true)),
    Tirhuta: () => new UnicodeRangeTable(decodeRanges("gklCnCJJ", true)),
    Todhri: () => new UnicodeRangeTable(decodeRanges("guhCzB", true)),
    Tolong_Siki: () => new UnicodeRangeTable(decodeRanges("wtnCrBFJ", true)),
    Toto: () => new UnicodeRangeTable(decodeRanges("w04De", true)),
    Tulu_Tigalari: () => new UnicodeRangeTable(decodeRanges("g8kCJBCDDClBBCJBCDDCDBCJBCBBJBB", false)),
    Ugaritic: () => new UnicodeRangeTable(decodeRanges("g8gCdCA", true)),
    Unknown: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-FB", false)),
    Vai: () => new UnicodeRangeTable(decodeRanges("gopBrJ", true)),
    Vithkuqi: () => new UnicodeRangeTable(decodeRanges("wrhCKCOCGCBCKCOCGCB", true)),
    Wancho: () => new UnicodeRangeTable(decodeRanges("g24D5BGA", true)),
    Warang_Citi: () => new UnicodeRangeTable(decodeRanges("glmCyCNA", true)),
    Yezidi: () => new UnicodeRangeTable(decodeRanges("g0jCpBCCDB", true)),
    Yi: () => new UnicodeRangeTable(decodeRanges("ggoBskBE2B", true)),
    Zanabazar_Square: () => new UnicodeRangeTable(decodeRanges("gwmCnC", true))
  });
  static FOLD_CATEGORIES = new LazyMap({
    L: () => new UnicodeRangeTable(decodeRanges("laA", true)),
    LC: () => new UnicodeRangeTable(decodeRanges("laA", true)),
    Ll: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGC3HrBrBCEEJHHCCBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHxC9zC9zCBuBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
    Lt: () => new UnicodeRangeTable(decodeRanges("kOCCBCCBCClBCCtsHHBJHBJHBMQQwBAB", false)),
    Lu: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpL2B2Bs1CvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false)),
    M: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
    Mn: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
    Emoji: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
    Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
    Lowercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHuBPBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
    Math: () => new UnicodeRangeTable(decodeRanges("ycGDCHHFMMDDDCHHFAB", false)),
    Uppercase: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpLiBiBBOBFsasaBYBn6BvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false))
  });
  static FOLD_SCRIPT = new LazyMap({
    Common: () => new UnicodeRangeTable(decodeRanges("8cgBgB", false)),
    Greek: () => new UnicodeRangeTable(decodeRanges("1FwUwU", false)),
    Inherited: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false))
  });
};
var Unicode = class Unicode2 {
  static MAX_RUNE = 1114111;
  static RUNE_ERROR = 65533;
  static isUnsearchable(r) {
    return r === Unicode2.RUNE_ERROR || r >= Unicode2.MIN_HIGH_SURROGATE && r <= Unicode2.MAX_LOW_SURROGATE;
  }
  static MAX_ASCII = 127;
  static MAX_LATIN1 = 255;
  static MAX_BMP = 65535;
  static MIN_FOLD = 65;
  static MAX_FOLD = 125251;
  static MIN_HIGH_SURROGATE = 55296;
  static MAX_HIGH_SURROGATE = 56319;
  static MIN_LOW_SURROGATE = 56320;
  static MAX_LOW_SURROGATE = 57343;
  static MIN_SUPPLEMENTARY_CODE_POINT = 65536;
  static is32(ranges, r) {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const m = lo + Math.floor((hi - lo) / 2);
      const rlo = ranges.getLo(m);
      const rhi = ranges.getHi(m);
      if (rlo <= r && r <= rhi) {
        const stride = ranges.getStride(m);
        return (r - rlo) % stride === 0;
      }
      if (r < rlo) hi = m;
      else lo = m + 1;
    }
    return false;
  }
  static is(ranges, r) {
    if (r <= Unicode2.MAX_LATIN1) {
      for (let i = 0; i < ranges.length; i++) {
        if (r > ranges.getHi(i)) continue;
        const rlo = ranges.getLo(i);
        if (r < rlo) return false;
        const stride = ranges.getStride(i);
        return (r - rlo) % stride === 0;
      }
      return false;
    }
    return ranges.length > 0 && r >= ranges.getLo(0) && Unicode2.is32(ranges, r);
  }
  static isPrint(r) {
    if (r <= Unicode2.MAX_LATIN1) return r >= 32 && r < Unicode2.MAX_ASCII || r >= 161 && r !== 173;
    return Unicode2.is(UnicodeTables.Print, r);
  }
  static simpleFold(r) {
    if (UnicodeTables.CASE_ORBIT.has(r)) return UnicodeTables.CASE_ORBIT.get(r);
    if (r <= Unicode2.MAX_ASCII) {
      const l = Codepoint.toLowerCase(r);
      return l !== r ? l : Codepoint.toUpperCase(r);
    }
    return r;
  }
  static equalsIgnoreCase(r1, r2) {
    if (r1 === r2) return true;
    if (r1 < 0 || r2 < 0) return false;
    if (r1 <= Unicode2.MAX_ASCII && r2 <= Unicode2.MAX_ASCII) {
      if (65 <= r1 && r1 <= 90) r1 |= 32;
      if (65 <= r2 && r2 <= 90) r2 |= 32;
      return r1 === r2;
    }
    for (let r = Unicode2.simpleFold(r1); r !== r1; r = Unicode2.simpleFold(r)) if (r === r2) return true;
    return false;
  }
};
var RE2JSException = class extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSException";
  }
};
var RE2JSSyntaxException = class extends RE2JSException {
  /**
  * @param {string} error
  * @param {string|null} [input=null]
  */
  constructor(error2, input = null) {
    let message = `error parsing regexp: ${error2}`;
    if (input) message += `: \`${input}\``;
    super(message);
    this.name = "RE2JSSyntaxException";
    this.message = message;
    this.error = error2;
    this.input = input;
  }
  /**
  * Retrieves the description of the error.
  * @returns {string}
  */
  getDescription() {
    return this.error;
  }
  /**
  * Retrieves the erroneous regular-expression pattern.
  * @returns {string|null}
  */
  getPattern() {
    return this.input;
  }
};
var RE2JSCompileException = class extends RE2JSException {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSCompileException";
  }
};
var RE2JSGroupException = class extends RE2JSException {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSGroupException";
  }
};
var RE2JSFlagsException = class extends RE2JSException {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSFlagsException";
  }
};
var RE2JSInternalException = class extends RE2JSException {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSInternalException";
  }
};
var FAST_PATH_TABLE_SIZE = 256;
var WORD_RUNE_TABLE = new Uint8Array(FAST_PATH_TABLE_SIZE);
for (let i = 0; i < FAST_PATH_TABLE_SIZE; i++) WORD_RUNE_TABLE[i] = 97 <= i && i <= 122 || 65 <= i && i <= 90 || 48 <= i && i <= 57 || i === 95 ? 1 : 0;
var cachedNativeEncoder = null;
var cachedNativeDecoder = null;
var Utils = class Utils2 {
  static METACHARACTERS = "\\.+*?()|[]{}^$";
  static EMPTY_BEGIN_LINE = 1;
  static EMPTY_END_LINE = 2;
  static EMPTY_BEGIN_TEXT = 4;
  static EMPTY_END_TEXT = 8;
  static EMPTY_WORD_BOUNDARY = 16;
  static EMPTY_NO_WORD_BOUNDARY = 32;
  static EMPTY_ALL = -1;
  static emptyInts() {
    return [];
  }
  static isString(value) {
    return typeof value === "string" || Object.prototype.toString.call(value) === "[object String]";
  }
  static typeName(value) {
    if (value === null || typeof value !== "object" && typeof value !== "function") return value === null ? "null" : typeof value;
    return Object.prototype.toString.call(value).slice(8, -1);
  }
  static checkPattern(pattern) {
    if (!Utils2.isString(pattern)) throw new TypeError(`The pattern must be a string, not ${Utils2.typeName(pattern)} (RE2JS.translateRegExp() converts a RegExp)`);
  }
  static checkInput(input) {
    if (!Utils2.isString(input) && !Utils2.isByteArray(input)) throw new TypeError(`The input must be a string or a byte array (Uint8Array or number[]), not ${Utils2.typeName(input)}`);
  }
  static checkFlags(flags2) {
    const known = PublicFlags.MULTILINE | PublicFlags.DOTALL | PublicFlags.CASE_INSENSITIVE | PublicFlags.DISABLE_UNICODE_GROUPS | PublicFlags.LONGEST_MATCH | PublicFlags.LOOKBEHINDS;
    if (!Number.isInteger(flags2) || (flags2 & ~known) !== 0) throw new RE2JSFlagsException("Flags should only be a combination of MULTILINE, DOTALL, CASE_INSENSITIVE, DISABLE_UNICODE_GROUPS, LONGEST_MATCH, LOOKBEHINDS");
  }
  static isByteArray(input) {
    return Array.isArray(input) || Object.prototype.toString.call(input) === "[object Uint8Array]";
  }
  static isalnum(c) {
    return Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"] || Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["z"] || Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["Z"];
  }
  static unhex(c) {
    if (Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"]) return c - Codepoint.CODES["0"];
    if (Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["f"]) return c - Codepoint.CODES["a"] + 10;
    if (Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["F"]) return c - Codepoint.CODES["A"] + 10;
    return -1;
  }
  static escapeRune(rune) {
    let out = "";
    if (Unicode.isPrint(rune)) {
      if (Utils2.METACHARACTERS.indexOf(String.fromCodePoint(rune)) >= 0) out += "\\";
      out += String.fromCodePoint(rune);
    } else switch (rune) {
      case Codepoint.CODES['"']:
        out += '\\"';
        break;
      case Codepoint.CODES["\\"]:
        out += "\\\\";
        break;
      case Codepoint.CODES["	"]:
        out += "\\t";
        break;
      case Codepoint.CODES["\n"]:
        out += "\\n";
        break;
      case Codepoint.CODES["\r"]:
        out += "\\r";
        break;
      case Codepoint.CODES["\b"]:
        out += "\\b";
        break;
      case Codepoint.CODES["\f"]:
        out += "\\f";
        break;
      default: {
        let s = rune.toString(16);
        if (rune < 256) {
          out += "\\x";
          if (s.length === 1) out += "0";
          out += s;
        } else out += `\\x{${s}}`;
        break;
      }
    }
    return out;
  }
  static stringToRunes(str) {
    const string = String(str);
    const runes = [];
    let i = 0;
    while (i < string.length) {
      const cp = string.codePointAt(i);
      runes.push(cp);
      i += cp > Unicode.MAX_BMP ? 2 : 1;
    }
    return new Int32Array(runes);
  }
  static runeToString(r) {
    return String.fromCodePoint(r);
  }
  static isWordRune(r) {
    return r < FAST_PATH_TABLE_SIZE ? WORD_RUNE_TABLE[r] === 1 : false;
  }
  static emptyOpContext(r1, r2) {
    let op = 0;
    if (r1 < 0) op |= Utils2.EMPTY_BEGIN_TEXT | Utils2.EMPTY_BEGIN_LINE;
    if (r1 === 10) op |= Utils2.EMPTY_BEGIN_LINE;
    if (r2 < 0) op |= Utils2.EMPTY_END_TEXT | Utils2.EMPTY_END_LINE;
    if (r2 === 10) op |= Utils2.EMPTY_END_LINE;
    if (Utils2.isWordRune(r1) !== Utils2.isWordRune(r2)) op |= Utils2.EMPTY_WORD_BOUNDARY;
    else op |= Utils2.EMPTY_NO_WORD_BOUNDARY;
    return op;
  }
  /**
  * Returns a string that quotes all regular expression metacharacters inside the argument text;
  * the returned string is a regular expression matching the literal text. For example,
  * {@code quoteMeta("[foo]").equals("\\[foo\\]")}.
  * @param {string} str
  * @returns {string}
  */
  static quoteMeta(str) {
    return str.split("").map((s) => {
      if (Utils2.METACHARACTERS.indexOf(s) >= 0) return `\\${s}`;
      return s;
    }).join("");
  }
  static charCount(codePoint) {
    return codePoint > Unicode.MAX_BMP ? 2 : 1;
  }
  /**
  * High-speed conversion from TypedArrays to standard JS Arrays.
  * Bypasses the expensive Symbol.iterator overhead of Array.from()
  */
  static toArray(typedArray) {
    const len = typedArray.length;
    const res = new Array(len);
    for (let i = 0; i < len; i++) res[i] = typedArray[i];
    return res;
  }
  static stringToUtf8ByteArray(str) {
    if (globalThis.TextEncoder) {
      if (!cachedNativeEncoder) cachedNativeEncoder = new TextEncoder();
      return cachedNativeEncoder.encode(str);
    } else {
      let out = [], p = 0;
      for (let i = 0; i < str.length; i++) {
        let c = str.charCodeAt(i);
        if (c < 128) out[p++] = c;
        else if (c < 2048) {
          out[p++] = c >> 6 | 192;
          out[p++] = c & 63 | 128;
        } else if ((c & 64512) === Unicode.MIN_HIGH_SURROGATE && i + 1 < str.length && (str.charCodeAt(i + 1) & 64512) === Unicode.MIN_LOW_SURROGATE) {
          c = Unicode.MIN_SUPPLEMENTARY_CODE_POINT + ((c & 1023) << 10) + (str.charCodeAt(++i) & 1023);
          out[p++] = c >> 18 | 240;
          out[p++] = c >> 12 & 63 | 128;
          out[p++] = c >> 6 & 63 | 128;
          out[p++] = c & 63 | 128;
        } else {
          out[p++] = c >> 12 | 224;
          out[p++] = c >> 6 & 63 | 128;
          out[p++] = c & 63 | 128;
        }
      }
      return out;
    }
  }
  static utf8ByteArrayToString(bytes) {
    if (globalThis.TextDecoder) {
      if (!cachedNativeDecoder) cachedNativeDecoder = new TextDecoder("utf-8");
      const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      return cachedNativeDecoder.decode(view);
    } else {
      let out = [], pos = 0, c = 0;
      while (pos < bytes.length) {
        let c1 = bytes[pos++];
        if (c1 < 128) out[c++] = String.fromCharCode(c1);
        else if (c1 > 191 && c1 < 224) {
          let c2 = bytes[pos++];
          out[c++] = String.fromCharCode((c1 & 31) << 6 | c2 & 63);
        } else if (c1 > 239 && c1 < 365) {
          let c2 = bytes[pos++];
          let c3 = bytes[pos++];
          let c4 = bytes[pos++];
          let u = ((c1 & 7) << 18 | (c2 & 63) << 12 | (c3 & 63) << 6 | c4 & 63) - Unicode.MIN_SUPPLEMENTARY_CODE_POINT;
          out[c++] = String.fromCharCode(Unicode.MIN_HIGH_SURROGATE + (u >> 10));
          out[c++] = String.fromCharCode(Unicode.MIN_LOW_SURROGATE + (u & 1023));
        } else {
          let c2 = bytes[pos++];
          let c3 = bytes[pos++];
          out[c++] = String.fromCharCode((c1 & 15) << 12 | (c2 & 63) << 6 | c3 & 63);
        }
      }
      return out.join("");
    }
  }
};
var createEnum = (values = [], initNum = 0) => {
  const enumObject = /* @__PURE__ */ Object.create(null);
  for (let i = 0; i < values.length; i++) {
    const val = values[i];
    const keyVal = initNum + i;
    enumObject[val] = keyVal;
    enumObject[keyVal] = val;
  }
  return Object.freeze(enumObject);
};
var MatcherInputBase = class MatcherInputBase2 {
  static Encoding = createEnum(["UTF_16", "UTF_8"]);
  getEncoding() {
    throw Error("not implemented");
  }
  /** @returns {string} */
  asCharSequence() {
    throw Error("not implemented");
  }
  /** @returns {Uint8Array|number[]|null} */
  asBytes() {
    throw Error("not implemented");
  }
  /** @returns {number} */
  length() {
    throw Error("not implemented");
  }
  /**
  *
  * @returns {boolean}
  */
  isUTF8Encoding() {
    return this.getEncoding() === MatcherInputBase2.Encoding.UTF_8;
  }
  /**
  *
  * @returns {boolean}
  */
  isUTF16Encoding() {
    return this.getEncoding() === MatcherInputBase2.Encoding.UTF_16;
  }
};
var Utf8MatcherInput = class extends MatcherInputBase {
  /** @param {Uint8Array|number[]|null} bytes */
  constructor(bytes = null) {
    super();
    this.bytes = bytes;
  }
  getEncoding() {
    return MatcherInputBase.Encoding.UTF_8;
  }
  /**
  *
  * @returns {string}
  */
  asCharSequence() {
    return Utils.utf8ByteArrayToString(this.bytes);
  }
  /**
  *
  * @returns {Uint8Array|number[]|null}
  */
  asBytes() {
    return this.bytes;
  }
  /**
  *
  * @returns {number}
  */
  length() {
    return this.bytes.length;
  }
};
var Utf16MatcherInput = class extends MatcherInputBase {
  /** @param {string|null} charSequence */
  constructor(charSequence = null) {
    super();
    this.charSequence = charSequence;
  }
  getEncoding() {
    return MatcherInputBase.Encoding.UTF_16;
  }
  /**
  *
  * @returns {string}
  */
  asCharSequence() {
    return this.charSequence;
  }
  /**
  *
  * @returns {number[]}
  */
  asBytes() {
    return Utils.stringToUtf8ByteArray(this.charSequence.toString());
  }
  /**
  *
  * @returns {number}
  */
  length() {
    return this.charSequence.length;
  }
};
var MatcherInput = class {
  /**
  * Return the MatcherInput for UTF_16 encoding.
  * @returns {Utf16MatcherInput}
  */
  static utf16(charSequence) {
    Utils.checkInput(charSequence);
    return new Utf16MatcherInput(charSequence);
  }
  /**
  * Return the MatcherInput for UTF_8 encoding.
  * @returns {Utf8MatcherInput}
  */
  static utf8(input) {
    if (Utils.isByteArray(input)) return new Utf8MatcherInput(input);
    return new Utf8MatcherInput(Utils.stringToUtf8ByteArray(input));
  }
};
var MachineInputBase = class {
  static EOF() {
    return -8;
  }
  constructor() {
    this.start = 0;
    this.end = 0;
  }
  canCheckPrefix() {
    return true;
  }
  endPos() {
    return this.end - this.start;
  }
  hasString() {
    return false;
  }
  hasAnyString() {
    return false;
  }
  prefixLength() {
    return 0;
  }
};
var MachineUTF8Input = class MachineUTF8Input2 extends MachineInputBase {
  static RUNE_ERROR_STEP = Unicode.RUNE_ERROR << 3 | 1;
  constructor(bytes, start = 0, end = bytes.length) {
    super();
    this.bytes = bytes;
    this.start = start;
    this.end = end;
  }
  hasString(prefilter, pos) {
    const target = prefilter.bytes;
    if (target.length === 0) return true;
    const idx = this.indexOf(this.bytes, target, this.start + pos);
    return idx !== -1 && idx <= this.end - target.length;
  }
  hasAnyString(prefilter, pos) {
    return prefilter.automaton8().searchUTF8(this.bytes, this.start + pos, this.end);
  }
  step(pos) {
    pos += this.start;
    if (pos >= this.end) return MachineInputBase.EOF();
    const c = this.bytes[pos] & 255;
    if (c < 128) return c << 3 | 1;
    let size;
    let rune;
    let lo = 128;
    let hi = 191;
    if (c >= 194 && c <= 223) {
      size = 2;
      rune = c & 31;
    } else if (c >= 224 && c <= 239) {
      size = 3;
      rune = c & 15;
      if (c === 224) lo = 160;
      else if (c === 237) hi = 159;
    } else if (c >= 240 && c <= 244) {
      size = 4;
      rune = c & 7;
      if (c === 240) lo = 144;
      else if (c === 244) hi = 143;
    } else return MachineUTF8Input2.RUNE_ERROR_STEP;
    if (pos + size > this.end) return MachineUTF8Input2.RUNE_ERROR_STEP;
    const c1 = this.bytes[pos + 1] & 255;
    if (c1 < lo || c1 > hi) return MachineUTF8Input2.RUNE_ERROR_STEP;
    rune = rune << 6 | c1 & 63;
    if (size > 2) {
      const c2 = this.bytes[pos + 2] & 255;
      if ((c2 & 192) !== 128) return MachineUTF8Input2.RUNE_ERROR_STEP;
      rune = rune << 6 | c2 & 63;
      if (size > 3) {
        const c3 = this.bytes[pos + 3] & 255;
        if ((c3 & 192) !== 128) return MachineUTF8Input2.RUNE_ERROR_STEP;
        rune = rune << 6 | c3 & 63;
      }
    }
    return rune << 3 | size;
  }
  index(re2, pos) {
    pos += this.start;
    const i = this.indexOf(this.bytes, re2.prefixUTF8, pos);
    return i < 0 ? i : i - pos;
  }
  context(pos) {
    pos += this.start;
    let r1 = -1;
    if (pos > this.start && pos <= this.end) {
      let start = pos - 1;
      r1 = this.bytes[start--];
      if (r1 >= 128) {
        let lim = pos - 4;
        if (lim < this.start) lim = this.start;
        while (start >= lim && (this.bytes[start] & 192) === 128) start--;
        if (start < this.start) start = this.start;
        const r = this.step(start - this.start);
        r1 = start + (r & 7) === pos ? r >> 3 : Unicode.RUNE_ERROR;
      }
    }
    const r2 = pos < this.end ? this.step(pos - this.start) >> 3 : -1;
    return Utils.emptyOpContext(r1, r2);
  }
  indexOf(source, target, fromIndex = 0) {
    let targetLength = target.length;
    if (targetLength === 0) return fromIndex <= this.end ? fromIndex : -1;
    const firstByte = target[0];
    let limit = this.end - targetLength;
    const hasNativeIndexOf = typeof source.indexOf === "function";
    let i = fromIndex;
    while (i <= limit) {
      if (hasNativeIndexOf) {
        i = source.indexOf(firstByte, i);
        if (i === -1 || i > limit) return -1;
      } else {
        while (i <= limit && source[i] !== firstByte) i++;
        if (i > limit) return -1;
      }
      let match = true;
      for (let j = 1; j < targetLength; j++) if (source[i + j] !== target[j]) {
        match = false;
        break;
      }
      if (match) return i;
      i++;
    }
    return -1;
  }
  prefixLength(re2) {
    return re2.prefixUTF8.length;
  }
};
var MachineUTF16Input = class extends MachineInputBase {
  constructor(charSequence, start = 0, end = charSequence.length) {
    super();
    this.charSequence = charSequence;
    this.start = start;
    this.end = end;
  }
  hasString(prefilter, pos) {
    const idx = this.charSequence.indexOf(prefilter.str, this.start + pos);
    return idx !== -1 && idx <= this.end - prefilter.str.length;
  }
  hasAnyString(prefilter, pos) {
    return prefilter.automaton16().searchUTF16(this.charSequence, this.start + pos, this.end);
  }
  step(pos) {
    pos += this.start;
    if (pos >= this.end) return MachineInputBase.EOF();
    const c1 = this.charSequence.charCodeAt(pos);
    if (c1 < Unicode.MIN_HIGH_SURROGATE || c1 > Unicode.MAX_HIGH_SURROGATE || pos + 1 >= this.end) return c1 << 3 | 1;
    const c2 = this.charSequence.charCodeAt(pos + 1);
    if (c2 >= Unicode.MIN_LOW_SURROGATE && c2 <= Unicode.MAX_LOW_SURROGATE) return (c1 - Unicode.MIN_HIGH_SURROGATE) * 1024 + (c2 - Unicode.MIN_LOW_SURROGATE) + Unicode.MIN_SUPPLEMENTARY_CODE_POINT << 3 | 2;
    return c1 << 3 | 1;
  }
  index(re2, pos) {
    pos += this.start;
    const i = this.charSequence.indexOf(re2.prefix, pos);
    if (i < 0 || i > this.end - re2.prefix.length) return -1;
    return i - pos;
  }
  context(pos) {
    pos += this.start;
    const r1 = pos > this.start && pos <= this.end ? this.charSequence.charCodeAt(pos - 1) : -1;
    const r2 = pos < this.end ? this.charSequence.charCodeAt(pos) : -1;
    return Utils.emptyOpContext(r1, r2);
  }
  prefixLength(re2) {
    return re2.prefix.length;
  }
};
var MachineInput = class {
  static fromUTF8(bytes, start = 0, end = bytes.length) {
    return new MachineUTF8Input(bytes, start, end);
  }
  static fromUTF16(charSequence, start = 0, end = void 0) {
    Utils.checkInput(charSequence);
    return new MachineUTF16Input(charSequence, start, end ?? charSequence.length);
  }
};
var Matcher = class Matcher2 {
  /**
  * V8 and WebKit have historical hard limits on the number of arguments
  * that can be passed to a function. We cap replacer arguments to prevent
  * Call Stack Overflow (DoS) vulnerabilities on massive ASTs.
  */
  static MAX_REPLACER_ARGS = 65535;
  /**
  * Quotes '\' and '$' in {@code s}, so that the returned string could be used in
  * {@link #appendReplacement} as a literal replacement of {@code s}.
  *
  * @param {string} str the string to be quoted
  * @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
  * @returns {string} the quoted string
  */
  static quoteReplacement(str, javaMode = false) {
    if (javaMode) {
      if (str.indexOf("\\") < 0 && str.indexOf("$") < 0) return str;
      return str.split("").map((s) => {
        const c = s.codePointAt(0);
        if (c === Codepoint.CODES["\\"] || c === Codepoint.CODES["$"]) return `\\${s}`;
        return s;
      }).join("");
    }
    if (str.indexOf("$") < 0) return str;
    return str.split("").map((s) => {
      if (s.codePointAt(0) === Codepoint.CODES["$"]) return "$$";
      return s;
    }).join("");
  }
  /**
  *
  * @param {import('./index.js').RE2JS} pattern
  * @param {string|number[]|Uint8Array|MatcherInputBase} input
  */
  constructor(pattern, input) {
    if (pattern === null) throw new Error("pattern is null");
    this.patternInput = pattern;
    const re2 = this.patternInput.re2();
    this.patternGroupCount = re2.numberOfCapturingGroups();
    this.groups = [];
    this.namedGroups = re2.namedGroups;
    this.hasNamedGroups = Object.keys(this.namedGroups).length > 0;
    this.numberOfInstructions = re2.numberOfInstructions();
    this.lookbehindState = null;
    if (input instanceof MatcherInputBase) this.resetMatcherInput(input);
    else if (Utils.isByteArray(input)) this.resetMatcherInput(MatcherInput.utf8(input));
    else this.resetMatcherInput(MatcherInput.utf16(input));
  }
  /**
  * Returns the {@code RE2JS} associated with this {@code Matcher}.
  * @returns {import('./index.js').RE2JS}
  */
  pattern() {
    return this.patternInput;
  }
  /**
  * Resets the {@code Matcher}, rewinding input and discarding any match information.
  *
  * @returns {Matcher} the {@code Matcher} itself, for chained method calls
  */
  reset() {
    this.matcherInputLength = this.matcherInput.length();
    this.appendPos = 0;
    this.hasMatch = false;
    this.hasGroups = false;
    this.anchorFlag = 0;
    return this;
  }
  /**
  * Resets the {@code Matcher} and changes the input.
  * @param {string|number[]|Uint8Array|MatcherInputBase} input
  * @returns {Matcher} the {@code Matcher} itself, for chained method calls
  */
  resetMatcherInput(input) {
    if (input === null) throw new Error("input is null");
    if (!(input instanceof MatcherInputBase)) {
      if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
      else input = MatcherInput.utf16(input);
    }
    this.matcherInput = input;
    if (this.lookbehindState !== null) this.lookbehindState.reset();
    else this.lookbehindState = this.patternInput.re2().createLookbehindState();
    this.reset();
    return this;
  }
  /**
  * Returns the start of the named group of the most recent match, or -1 if the group was not
  * matched.
  * @param {string|number} [group=0]
  * @returns {number}
  */
  start(group = 0) {
    if (typeof group === "string") {
      const groupInt = this.namedGroups[group];
      if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
      group = groupInt;
    }
    this.loadGroup(group);
    return this.groups[2 * group];
  }
  /**
  * Returns the end of the named group of the most recent match, or -1 if the group was not
  * matched.
  * @param {string|number} [group=0]
  * @returns {number}
  */
  end(group = 0) {
    if (typeof group === "string") {
      const groupInt = this.namedGroups[group];
      if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
      group = groupInt;
    }
    this.loadGroup(group);
    return this.groups[2 * group + 1];
  }
  /**
  * Returns the program size of this pattern.
  *
  * <p>
  * Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
  * "cost". Larger numbers are more expensive than smaller numbers.
  * </p>
  *
  * @returns {number} the program size of this pattern
  */
  programSize() {
    return this.numberOfInstructions;
  }
  /**
  * Returns the named group of the most recent match, or {@code null} if the group was not matched.
  * @param {string|number} [group=0]
  * @returns {string|null}
  */
  group(group = 0) {
    if (typeof group === "string") {
      const groupInt = this.namedGroups[group];
      if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
      group = groupInt;
    }
    const start = this.start(group);
    const end = this.end(group);
    if (start < 0 && end < 0) return null;
    return this.substring(start, end);
  }
  /**
  * Returns a dictionary map of all named capturing groups and their matched values.
  * If a group was not matched, its value will be `null`.
  * @returns {Record<string, string|null>}
  */
  getNamedGroups() {
    if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
    const result = /* @__PURE__ */ Object.create(null);
    for (const name of Object.keys(this.namedGroups)) result[name] = this.group(name);
    return result;
  }
  /**
  * Returns the number of subgroups in this pattern.
  *
  * @returns {number} the number of subgroups; the overall match (group 0) does not count
  */
  groupCount() {
    return this.patternGroupCount;
  }
  /**
  * Helper: finds subgroup information if needed for group.
  * @param {number} group
  * @private
  */
  loadGroup(group) {
    if (!Number.isInteger(group) || group < 0 || group > this.patternGroupCount) throw new RE2JSGroupException(`Group index out of bounds: ${group}`);
    if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
    if (group === 0 || this.hasGroups) return;
    const end = this.matcherInputLength;
    const res = this.patternInput.re2().matchMachineInput(this.matcherInput, this.groups[0], end, this.anchorFlag, 1 + this.patternGroupCount, this.lookbehindState);
    if (!res[0]) throw new RE2JSGroupException("inconsistency in matching group data");
    this.groups = res[1];
    this.hasGroups = true;
  }
  /**
  * Matches the entire input against the pattern (anchored start and end). If there is a match,
  * {@code matches} sets the match state to describe it.
  *
  * @returns {boolean} true if the entire input matches the pattern
  */
  matches() {
    return this.genMatch(0, RE2Flags.ANCHOR_BOTH);
  }
  /**
  * Matches the beginning of input against the pattern (anchored start). If there is a match,
  * {@code lookingAt} sets the match state to describe it.
  *
  * @returns {boolean} true if the beginning of the input matches the pattern
  */
  lookingAt() {
    return this.genMatch(0, RE2Flags.ANCHOR_START);
  }
  /**
  * Matches the input against the pattern (unanchored), starting at a specified position. If there
  * is a match, {@code find} sets the match state to describe it.
  *
  * @param {number|null} [start=null] the input position where the search begins
  * @returns {boolean} if it finds a match
  * @throws IndexOutOfBoundsException if start is not a valid input position
  */
  find(start = null) {
    if (start !== null) {
      if (!Number.isInteger(start) || start < 0 || start > this.matcherInputLength) throw new RE2JSGroupException(`start index out of bounds: ${start}`);
      this.reset();
      return this.genMatch(start, 0);
    }
    start = 0;
    if (this.hasMatch) {
      start = this.groups[1];
      if (this.groups[0] === this.groups[1]) {
        const r = (this.matcherInput.isUTF16Encoding() ? MachineInput.fromUTF16(this.matcherInput.asCharSequence(), 0, this.matcherInputLength) : MachineInput.fromUTF8(this.matcherInput.asBytes(), 0, this.matcherInputLength)).step(start);
        if (r < 0) start++;
        else start += r & 7;
      }
    }
    return this.genMatch(start, RE2Flags.UNANCHORED);
  }
  /**
  * Helper: does match starting at start, with RE2 anchor flag.
  * @param {number} startByte
  * @param {number} anchor
  * @returns {boolean}
  * @private
  */
  genMatch(startByte, anchor) {
    const res = this.patternInput.re2().matchMachineInput(this.matcherInput, startByte, this.matcherInputLength, anchor, 1, this.lookbehindState);
    if (!res[0]) {
      this.hasMatch = false;
      return false;
    }
    this.groups = res[1];
    this.hasMatch = true;
    this.hasGroups = this.patternGroupCount === 0;
    this.anchorFlag = anchor;
    return true;
  }
  /**
  * Helper: return substring for [start, end).
  * @param {number} start
  * @param {number} end
  * @returns {string}
  */
  substring(start, end) {
    if (this.matcherInput.isUTF8Encoding()) return Utils.utf8ByteArrayToString(this.matcherInput.asBytes().slice(start, end));
    return this.matcherInput.asCharSequence().substring(start, end).toString();
  }
  /**
  * Helper for Pattern: return input length.
  * @returns {number}
  */
  inputLength() {
    return this.matcherInputLength;
  }
  /**
  * Appends to result two strings: the text from the append position up to the beginning of the
  * most recent match, and then the replacement with submatch groups substituted for references to
  * them. It advances the append position to where the most recent match ended.
  *
  * By default the replacement is expanded as by String.prototype.replace (see
  * appendReplacementInternalJs). In Java mode it follows re2j / java.util.regex: $n takes as
  * many digits as still form a valid group number, ${name} is a named group, and a backslash
  * escapes the next character (so "\\$" in a JS string literal inserts a literal $).
  *
  * @param {string} replacement the replacement string
  * @param {boolean} [javaMode=false] activate java mode (different behaviour for capture groups and special characters)
  * @returns {string}
  * @throws IllegalStateException if there was no most recent match
  * @throws IndexOutOfBoundsException in Java mode, if replacement refers to an invalid group
  * @private
  */
  appendReplacement(replacement, javaMode = false) {
    let res = "";
    const s = this.start();
    const e = this.end();
    if (this.appendPos < s) res += this.substring(this.appendPos, s);
    this.appendPos = e;
    res += javaMode ? this.appendReplacementInternalJava(replacement) : this.appendReplacementInternalJs(replacement);
    return res;
  }
  /**
  * @param {string} replacement - the replacement string
  * @returns {string}
  * @private
  */
  appendReplacementInternalJava(replacement) {
    let res = "";
    let last = 0;
    const m = replacement.length;
    let i = 0;
    while (i < m) {
      const cCode = replacement.codePointAt(i);
      if (cCode === Codepoint.CODES["\\"]) {
        if (last < i) res += replacement.substring(last, i);
        i++;
        if (i >= m) throw new RE2JSGroupException("character to be escaped is missing");
        last = i;
        i++;
        continue;
      }
      if (cCode === Codepoint.CODES["$"]) {
        if (last < i) res += replacement.substring(last, i);
        if (i + 1 >= m) throw new RE2JSGroupException("Illegal group reference: group index is missing");
        const nextCode = replacement.codePointAt(i + 1);
        if (Codepoint.CODES["0"] <= nextCode && nextCode <= Codepoint.CODES["9"]) {
          let n = nextCode - Codepoint.CODES["0"];
          let j = i + 2;
          for (; j < m; j++) {
            const digit = replacement.codePointAt(j);
            if (digit < Codepoint.CODES["0"] || digit > Codepoint.CODES["9"] || n * 10 + digit - Codepoint.CODES["0"] > this.patternGroupCount) break;
            n = n * 10 + digit - Codepoint.CODES["0"];
          }
          if (n > this.patternGroupCount) throw new RE2JSGroupException(`n > number of groups: ${n}`);
          const group = this.group(n);
          if (group !== null) res += group;
          i = j;
          last = i;
        } else if (nextCode === Codepoint.CODES["{"]) {
          let j = i + 2;
          while (j < m && replacement.codePointAt(j) !== Codepoint.CODES["}"]) j++;
          if (j >= m) throw new RE2JSGroupException("named capture group is missing trailing '}'");
          const groupName = replacement.substring(i + 2, j);
          const groupVal = this.group(groupName);
          if (groupVal !== null) res += groupVal;
          i = j + 1;
          last = i;
        } else throw new RE2JSGroupException("Illegal group reference");
        continue;
      }
      i++;
    }
    if (last < m) res += replacement.substring(last, m);
    return res;
  }
  /**
  * Expands |replacement| for the current match by the rules of String.prototype.replace
  * (ECMAScript GetSubstitution): $$ is "$", $& the match, $` the text before it, $' the text
  * after it, $n and $nn a group (two digits only when they form a valid group number, so with
  * one group "$10" is group 1 then "0"; an unmatched group is empty), and $<name> a named group
  * (empty when no such group), only when the pattern has named groups. Anything else, such as
  * "$0" or "$<" without a closing ">", is kept as is.
  * @param {string} replacement - the replacement string
  * @returns {string}
  * @private
  */
  appendReplacementInternalJs(replacement) {
    const isDigit = (c) => c >= 48 && c <= 57;
    const groupCount = this.patternGroupCount;
    let res = "";
    let i = 0;
    while (i < replacement.length) {
      const dollar = replacement.indexOf("$", i);
      if (dollar < 0) break;
      res += replacement.substring(i, dollar);
      i = dollar;
      const c = replacement.charCodeAt(i + 1);
      if (c === Codepoint.CODES["$"]) {
        res += "$";
        i += 2;
      } else if (c === Codepoint.CODES["&"]) {
        res += this.group(0);
        i += 2;
      } else if (c === Codepoint.CODES["`"]) {
        res += this.substring(0, this.start(0));
        i += 2;
      } else if (c === Codepoint.CODES["'"]) {
        res += this.substring(this.end(0), this.matcherInputLength);
        i += 2;
      } else if (isDigit(c)) {
        let digits = 1;
        let index = c - 48;
        const c2 = replacement.charCodeAt(i + 2);
        if (isDigit(c2) && index * 10 + c2 - 48 <= groupCount) {
          digits = 2;
          index = index * 10 + c2 - 48;
        }
        if (index >= 1 && index <= groupCount) {
          const group = this.group(index);
          if (group !== null) res += group;
        } else res += replacement.substring(i, i + 1 + digits);
        i += 1 + digits;
      } else if (c === Codepoint.CODES["<"] && this.hasNamedGroups) {
        const gt = replacement.indexOf(">", i + 2);
        if (gt < 0) {
          res += "$<";
          i += 2;
        } else {
          const name = replacement.substring(i + 2, gt);
          if (Object.hasOwn(this.namedGroups, name)) {
            const group = this.group(name);
            if (group !== null) res += group;
          }
          i = gt + 1;
        }
      } else {
        res += "$";
        i += 1;
      }
    }
    return res + replacement.substring(i);
  }
  /**
  * Return the substring of the input from the append position to the end of the
  * input.
  * @returns {string}
  */
  appendTail() {
    return this.substring(this.appendPos, this.matcherInputLength);
  }
  /**
  * Returns the input with all matches replaced by {@code replacement}, interpreted as for
  * {@code appendReplacement}.
  *
  * @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
  * @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
  * @returns {string} the input string with the matches replaced
  * @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
  */
  replaceAll(replacement, javaMode = false) {
    return this.replace(replacement, true, javaMode);
  }
  /**
  * Returns the input with the first match replaced by {@code replacement}, interpreted as for
  * {@code appendReplacement}.
  *
  * @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
  * @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
  * @returns {string} the input string with the first match replaced
  * @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
  */
  replaceFirst(replacement, javaMode = false) {
    return this.replace(replacement, false, javaMode);
  }
  /**
  * Helper: replaceAll/replaceFirst hybrid.
  * @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
  * @param {boolean} [all=true] - replace all matches
  * @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
  * @returns {string}
  * @private
  */
  replace(replacement, all = true, javaMode = false) {
    let res = "";
    this.reset();
    const isFunc = typeof replacement === "function";
    let originalInput = null;
    if (isFunc) {
      if (this.groupCount() >= Matcher2.MAX_REPLACER_ARGS) throw new RE2JSGroupException("Too many capture groups to safely invoke replacer function");
      originalInput = this.matcherInput.isUTF8Encoding() ? this.matcherInput.asBytes() : this.matcherInput.asCharSequence();
    }
    while (this.find()) {
      res += isFunc ? this.appendReplacementFunc(replacement, originalInput) : this.appendReplacement(replacement, javaMode);
      if (!all) break;
    }
    res += this.appendTail();
    return res;
  }
  /**
  * Evaluates a replacer function for the current match and appends the result,
  * along with any un-matched preceding text, advancing the append position.
  * @param {Function} replacer - the replacer function
  * @param {string|Uint8Array|number[]} originalInput - the cached original input reference
  * @returns {string} the evaluated string to append
  * @private
  */
  appendReplacementFunc(replacer, originalInput) {
    let res = "";
    const s = this.start();
    const e = this.end();
    if (this.appendPos < s) res += this.substring(this.appendPos, s);
    this.appendPos = e;
    const args = this.matchArray();
    args.push(s, originalInput);
    if (this.hasNamedGroups) args.push(this.namedGroupsObject());
    res += String(replacer(...args));
    return res;
  }
  /**
  * The match and its groups, as the elements of a JS RegExpExecArray: undefined for a group that
  * did not take part in the match. Used by exec(), matchAll() and replacer functions.
  * @returns {Array<string|undefined>}
  * @private
  */
  matchArray() {
    const result = [this.group(0)];
    for (let i = 1; i <= this.patternGroupCount; i++) {
      const group = this.group(i);
      result.push(group === null ? void 0 : group);
    }
    return result;
  }
  /**
  * The named groups, as the groups property of a JS RegExpExecArray: an object without a
  * prototype mapping each name to its group (undefined when it did not take part in the match),
  * or undefined when the pattern has no named groups.
  * @returns {Record<string, string|undefined>|undefined}
  * @private
  */
  namedGroupsObject() {
    if (!this.hasNamedGroups) return;
    const result = this.getNamedGroups();
    for (const name in result) if (result[name] === null) result[name] = void 0;
    return result;
  }
};
var Inst = class Inst2 {
  static ALT = 1;
  static ALT_MATCH = 2;
  static CAPTURE = 3;
  static EMPTY_WIDTH = 4;
  static FAIL = 5;
  static MATCH = 6;
  static NOP = 7;
  static RUNE = 8;
  static RUNE1 = 9;
  static RUNE_ANY = 10;
  static RUNE_ANY_NOT_NL = 11;
  static LB_WRITE = 12;
  static LB_CHECK = 13;
  static isRuneOp(op) {
    return Inst2.RUNE <= op && op <= Inst2.RUNE_ANY_NOT_NL;
  }
  static escapeRunes(runes) {
    let out = '"';
    for (let rune of runes) out += Utils.escapeRune(rune);
    out += '"';
    return out;
  }
  constructor(op) {
    this.op = op;
    this.out = 0;
    this.arg = 0;
    this.runes = /* @__PURE__ */ new Int32Array(0);
    this.next = null;
  }
  matchRune(r) {
    if (this.runes.length === 1) {
      const r0 = this.runes[0];
      if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r);
      return r === r0;
    }
    const len = this.runes.length;
    if (len === 0) return false;
    if (len === 2 || len === 4 || len === 6 || len === 8) {
      for (let j = 0; j < len; j += 2) {
        if (r < this.runes[j]) return false;
        if (r <= this.runes[j + 1]) return true;
      }
      return false;
    }
    let base = 0;
    let n = len >> 1;
    while (n > 1) {
      const half = n >> 1;
      base += this.runes[base + half << 1] <= r ? half : 0;
      n -= half;
    }
    base += this.runes[base << 1] <= r ? 1 : 0;
    const m = base - 1;
    return m >= 0 && r <= this.runes[m << 1 | 1];
  }
  matchRunePos(r) {
    if (this.runes.length === 1) {
      const r0 = this.runes[0];
      if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r) ? 0 : -1;
      return r === r0 ? 0 : -1;
    }
    const len = this.runes.length;
    if (len === 0) return -1;
    if (len === 2 || len === 4 || len === 6 || len === 8) {
      for (let j = 0; j < len; j += 2) {
        if (r < this.runes[j]) return -1;
        if (r <= this.runes[j + 1]) return Math.floor(j / 2);
      }
      return -1;
    }
    let base = 0;
    let n = len >> 1;
    while (n > 1) {
      const half = n >> 1;
      base += this.runes[base + half << 1] <= r ? half : 0;
      n -= half;
    }
    base += this.runes[base << 1] <= r ? 1 : 0;
    const m = base - 1;
    return m >= 0 && r <= this.runes[m << 1 | 1] ? m : -1;
  }
  /**
  *
  * @returns {string}
  */
  toString() {
    switch (this.op) {
      case Inst2.ALT:
        return `alt -> ${this.out}, ${this.arg}`;
      case Inst2.ALT_MATCH:
        return `altmatch -> ${this.out}, ${this.arg}`;
      case Inst2.CAPTURE:
        return `cap ${this.arg} -> ${this.out}`;
      case Inst2.EMPTY_WIDTH:
        return `empty ${this.arg} -> ${this.out}`;
      case Inst2.MATCH:
        return `match${this.arg !== 0 ? ` ${this.arg}` : ""}`;
      case Inst2.FAIL:
        return "fail";
      case Inst2.NOP:
        return `nop -> ${this.out}`;
      case Inst2.LB_WRITE:
        return `lbwrite ${this.arg} -> ${this.out}`;
      case Inst2.LB_CHECK:
        return `lbcheck ${this.arg} -> ${this.out}`;
      case Inst2.RUNE:
        if (this.runes === null) return "rune <null>";
        return [
          "rune ",
          Inst2.escapeRunes(this.runes),
          (this.arg & RE2Flags.FOLD_CASE) !== 0 ? "/i" : "",
          " -> ",
          this.out
        ].join("");
      case Inst2.RUNE1:
        return `rune1 ${Inst2.escapeRunes(this.runes)} -> ${this.out}`;
      case Inst2.RUNE_ANY:
        return `any -> ${this.out}`;
      case Inst2.RUNE_ANY_NOT_NL:
        return `anynotnl -> ${this.out}`;
      default:
        throw new Error("unhandled case in Inst.toString");
    }
  }
};
var Queue = class Queue2 {
  constructor(numInst) {
    this.sparse = new Int32Array(numInst);
    this.densePcs = new Int32Array(numInst);
    this.denseCaps = null;
    this.size = 0;
    this.ncap = 0;
    this.mainThreads = 0;
  }
  static INITIAL_THREADS = 32;
  init(ncap) {
    this.ncap = ncap;
    const needed = Math.min(this.densePcs.length, Queue2.INITIAL_THREADS) * ncap;
    if (!this.denseCaps || this.denseCaps.length < needed) this.denseCaps = new Int32Array(needed);
  }
  growCaps(needed) {
    const limit = this.densePcs.length * this.ncap;
    const grown = new Int32Array(Math.min(limit, Math.max(needed, 2 * this.denseCaps.length)));
    grown.set(this.denseCaps);
    this.denseCaps = grown;
  }
  contains(pc) {
    const j = this.sparse[pc];
    return j < this.size && this.densePcs[j] === pc;
  }
  isEmpty() {
    return this.size === 0;
  }
  add(pc) {
    const j = this.size++;
    this.sparse[pc] = j;
    this.densePcs[j] = pc;
    return j;
  }
  clear() {
    this.size = 0;
    this.mainThreads = 0;
  }
  toString() {
    let out = "{";
    for (let i = 0; i < this.size; i++) {
      if (i !== 0) out += ", ";
      out += this.densePcs[i];
    }
    out += "}";
    return out;
  }
};
var LookbehindState = class {
  constructor(prog) {
    this.pos = -1;
    this.pcs = new Int32Array(prog.numInst());
    this.size = 0;
    this.lbTable = new Int32Array(prog.numLb + 1);
  }
  reset() {
    this.pos = -1;
    this.size = 0;
  }
};
var Machine = class Machine2 {
  static fromRE2(re2) {
    const m = new Machine2();
    m.prog = re2.prog;
    m.re2 = re2;
    m.q0 = new Queue(m.prog.numInst());
    m.q1 = new Queue(m.prog.numInst());
    m.addStack = new Int32Array(2 * (m.prog.numInst() + 1));
    m.matched = false;
    m.matchcap = new Int32Array(m.prog.numCap < 2 ? 2 : m.prog.numCap);
    m.ncap = 0;
    return m;
  }
  constructor() {
    this.prog = null;
    this.re2 = null;
    this.q0 = null;
    this.q1 = null;
    this.addStack = null;
    this.matched = false;
    this.matchcap = null;
    this.ncap = 0;
    this.lbTable = null;
  }
  init(ncap) {
    this.ncap = ncap;
    if (ncap > this.matchcap.length) this.matchcap = new Int32Array(ncap).fill(-1);
    else this.matchcap.fill(-1);
    this.q0.init(ncap);
    this.q1.init(ncap);
    if (this.prog.numLb > 0) {
      if (!this.lbTable || this.lbTable.length < this.prog.numLb + 1) this.lbTable = new Int32Array(this.prog.numLb + 1);
      this.lbTable.fill(-1);
    }
  }
  submatches() {
    if (this.ncap === 0) return Utils.emptyInts();
    return Utils.toArray(this.matchcap.subarray(0, this.ncap));
  }
  match(input, pos, anchor, lbState = null) {
    const startCond = this.re2.cond;
    if (startCond === Utils.EMPTY_ALL) return false;
    if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
    this.matched = false;
    this.matchcap.fill(-1);
    const hasLookbehinds = this.prog.numLb > 0;
    const matchStartPos = pos;
    let currentPos = pos;
    let resumeLookbehinds = false;
    if (hasLookbehinds) {
      if (lbState !== null && lbState.pos >= 0 && lbState.pos <= pos) {
        currentPos = lbState.pos;
        resumeLookbehinds = true;
      } else currentPos = 0;
    }
    let saveLookbehinds = hasLookbehinds && lbState !== null;
    let runq = this.q0;
    let nextq = this.q1;
    let r = input.step(currentPos);
    let rune = r >> 3;
    let width = r & 7;
    let rune1 = -1;
    let width1 = 0;
    if (r !== MachineInputBase.EOF()) {
      r = input.step(currentPos + width);
      rune1 = r >> 3;
      width1 = r & 7;
    }
    let flag;
    if (currentPos === 0) flag = Utils.emptyOpContext(-1, rune);
    else flag = input.context(currentPos);
    if (hasLookbehinds) {
      if (resumeLookbehinds) this.restoreLookbehinds(lbState, runq, flag);
      else this.spawnLookbehinds(runq, currentPos, flag);
    }
    while (true) {
      if (runq.mainThreads === 0) {
        if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
        if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
        if (this.matched) break;
        if (this.prog.numLb === 0 && runq.isEmpty() && !(this.re2.prefix.length === 0) && rune1 !== this.re2.prefixRune && input.canCheckPrefix()) {
          const advance = input.index(this.re2, currentPos);
          if (advance < 0) break;
          currentPos += advance;
          r = input.step(currentPos);
          rune = r >> 3;
          width = r & 7;
          r = input.step(currentPos + width);
          rune1 = r >> 3;
          width1 = r & 7;
          flag = input.context(currentPos);
        }
      }
      if (currentPos >= matchStartPos) {
        if (saveLookbehinds) {
          this.saveLookbehinds(lbState, runq, currentPos);
          saveLookbehinds = false;
        }
        if (!this.matched && (currentPos === 0 || anchor === RE2Flags.UNANCHORED)) {
          if (this.ncap > 0) this.matchcap[0] = currentPos;
          this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
        }
      }
      const nextPos = currentPos + width;
      flag = input.context(nextPos);
      this.step(runq, nextq, currentPos, nextPos, rune, flag, anchor, currentPos === input.endPos());
      if (width === 0) break;
      if (this.ncap === 0 && this.matched) break;
      currentPos += width;
      rune = rune1;
      width = width1;
      if (rune !== -1) {
        r = input.step(currentPos + width);
        rune1 = r >> 3;
        width1 = r & 7;
      }
      const tmpq = runq;
      runq = nextq;
      nextq = tmpq;
    }
    runq.clear();
    nextq.clear();
    return this.matched;
  }
  matchSet(input, pos, anchor) {
    const startCond = this.re2.cond;
    if (startCond === Utils.EMPTY_ALL) return [];
    if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
    let currentPos = this.prog.numLb > 0 ? 0 : pos;
    let matchStartPos = pos;
    let runq = this.q0;
    let nextq = this.q1;
    let r = input.step(currentPos);
    let rune = r >> 3;
    let width = r & 7;
    let rune1 = -1;
    let width1 = 0;
    if (r !== MachineInputBase.EOF()) {
      r = input.step(currentPos + width);
      rune1 = r >> 3;
      width1 = r & 7;
    }
    let flag = currentPos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(currentPos);
    const matches = /* @__PURE__ */ new Set();
    if (this.prog.numLb > 0) this.spawnLookbehinds(runq, currentPos, flag);
    while (true) {
      if (runq.mainThreads === 0) {
        if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
        if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
      }
      if (currentPos === 0 || anchor === RE2Flags.UNANCHORED) {
        if (currentPos >= matchStartPos) this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
      }
      const nextPos = currentPos + width;
      flag = input.context(nextPos);
      for (let j = 0; j < runq.size; j++) {
        const pc = runq.densePcs[j];
        const i = this.prog.inst[pc];
        const capOffset = j * this.ncap;
        let add = false;
        switch (i.op) {
          case Inst.MATCH:
            if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== input.endPos()) break;
            matches.add(i.arg);
            break;
          case Inst.RUNE:
            add = i.matchRune(rune);
            break;
          case Inst.RUNE1:
            add = rune === i.runes[0];
            break;
          case Inst.RUNE_ANY:
            add = true;
            break;
          case Inst.RUNE_ANY_NOT_NL:
            add = rune !== 10;
            break;
          default:
            continue;
        }
        if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, flag);
      }
      runq.clear();
      if (width === 0) break;
      currentPos += width;
      rune = rune1;
      width = width1;
      if (rune !== -1) {
        r = input.step(currentPos + width);
        rune1 = r >> 3;
        width1 = r & 7;
      }
      const tmpq = runq;
      runq = nextq;
      nextq = tmpq;
    }
    nextq.clear();
    return Array.from(matches).sort((a, b) => a - b);
  }
  step(runq, nextq, pos, nextPos, c, nextCond, anchor, atEnd) {
    const longest = this.re2.longest;
    for (let j = 0; j < runq.size; j++) {
      const pc = runq.densePcs[j];
      const capOffset = j * this.ncap;
      if (longest && this.matched && this.ncap > 0 && this.matchcap[0] < runq.denseCaps[capOffset]) continue;
      const i = this.prog.inst[pc];
      let add = false;
      switch (i.op) {
        case Inst.MATCH:
          if (anchor === RE2Flags.ANCHOR_BOTH && !atEnd) break;
          if (this.ncap > 0 && (!longest || !this.matched || this.matchcap[1] < pos)) {
            runq.denseCaps[capOffset + 1] = pos;
            for (let k = 0; k < this.ncap; k++) this.matchcap[k] = runq.denseCaps[capOffset + k];
          }
          if (!longest) runq.size = 0;
          this.matched = true;
          break;
        case Inst.RUNE:
          add = i.matchRune(c);
          break;
        case Inst.RUNE1:
          add = c === i.runes[0];
          break;
        case Inst.RUNE_ANY:
          add = true;
          break;
        case Inst.RUNE_ANY_NOT_NL:
          add = c !== 10;
          break;
        default:
          continue;
      }
      if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, nextCond);
    }
    runq.clear();
  }
  spawnLookbehinds(q, pos, flag) {
    for (let i = 0; i < this.prog.lbStarts.length; i++) this.add(q, this.prog.lbStarts[i], pos, this.matchcap, 0, flag);
  }
  restoreLookbehinds(lbState, q, flag) {
    this.lbTable.set(lbState.lbTable);
    for (let j = 0; j < lbState.size; j++) this.add(q, lbState.pcs[j], lbState.pos, this.matchcap, 0, flag);
  }
  saveLookbehinds(lbState, q, pos) {
    let size = 0;
    for (let j = 0; j < q.size; j++) {
      const pc = q.densePcs[j];
      if (this.prog.lbInst[pc] === 1 && Inst.isRuneOp(this.prog.inst[pc].op)) lbState.pcs[size++] = pc;
    }
    lbState.size = size;
    lbState.pos = pos;
    lbState.lbTable.set(this.lbTable);
  }
  add(q, pc, pos, capArray, capOffset, cond) {
    const stk = this.addStack;
    let nstk = 0;
    for (; ; ) {
      while (pc !== 0 && !q.contains(pc)) {
        const d = q.add(pc);
        const inst = this.prog.inst[pc];
        switch (inst.op) {
          case Inst.FAIL:
            pc = 0;
            break;
          case Inst.ALT:
          case Inst.ALT_MATCH:
            stk[nstk++] = inst.arg;
            stk[nstk++] = 0;
            pc = inst.out;
            break;
          case Inst.EMPTY_WIDTH:
            pc = (inst.arg & ~cond) === 0 ? inst.out : 0;
            break;
          case Inst.NOP:
            pc = inst.out;
            break;
          case Inst.CAPTURE:
            if (inst.arg < this.ncap) {
              stk[nstk++] = -inst.arg - 1;
              stk[nstk++] = capArray[capOffset + inst.arg];
              capArray[capOffset + inst.arg] = pos;
            }
            pc = inst.out;
            break;
          case Inst.LB_WRITE:
            this.lbTable[Math.abs(inst.arg)] = pos;
            pc = inst.out;
            break;
          case Inst.LB_CHECK:
            if (inst.arg > 0) pc = this.lbTable[inst.arg] === pos ? inst.out : 0;
            else pc = this.lbTable[-inst.arg] !== pos ? inst.out : 0;
            break;
          case Inst.MATCH:
          case Inst.RUNE:
          case Inst.RUNE1:
          case Inst.RUNE_ANY:
          case Inst.RUNE_ANY_NOT_NL:
            if (this.prog.lbInst[pc] === 0) q.mainThreads++;
            if (this.ncap > 0) {
              const destOffset = d * this.ncap;
              if (destOffset + this.ncap > q.denseCaps.length) q.growCaps(destOffset + this.ncap);
              for (let c = 0; c < this.ncap; c++) q.denseCaps[destOffset + c] = capArray[capOffset + c];
            }
            pc = 0;
            break;
          default:
            throw new RE2JSInternalException("unhandled");
        }
      }
      if (nstk === 0) return;
      nstk -= 2;
      const entry = stk[nstk];
      if (entry < 0) {
        capArray[capOffset - entry - 1] = stk[nstk + 1];
        pc = 0;
      } else pc = entry;
    }
  }
};
var hashState = (pcs, flag, ids) => {
  let h = -2128831035;
  for (let i = 0; i < pcs.length; i++) {
    h ^= pcs[i];
    h = Math.imul(h, 16777619);
  }
  h ^= flag;
  h = Math.imul(h, 16777619);
  for (let i = 0; i < ids.length; i++) {
    h ^= ids[i];
    h = Math.imul(h, 16777619);
  }
  return h;
};
var arraysEqual = (a, b) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
var isState = (state, pcs, flag, ids) => state.flag === flag && arraysEqual(state.nfaStates, pcs) && arraysEqual(state.matchIDs, ids);
var NO_IDS = [];
var END_TEXT = -1;
var DFAState = class {
  constructor(nfaStates, flag, matchIDs) {
    this.nfaStates = nfaStates;
    this.flag = flag;
    this.isMatch = (flag & DFA.FLAG_MATCH) !== 0;
    this.matchIDs = matchIDs;
    this.next = null;
    this.nextAnchored = null;
  }
};
var DFA = class DFA2 {
  static FLAG_EMPTY_MASK = 255;
  static FLAG_MATCH = 256;
  static FLAG_LAST_WORD = 512;
  static FLAG_NEED_SHIFT = 16;
  static STATE_OVERHEAD = 150;
  static ARRAY_OVERHEAD = 40;
  static ELEMENT_SIZE = 8;
  static TABLE_OVERHEAD = 48;
  static PROGRESS_PER_STATE = 10;
  constructor(prog, maxMem = 8388608) {
    this.prog = prog;
    this.maxMem = maxMem;
    this.stateCache = /* @__PURE__ */ new Map();
    this.stateCount = 0;
    this.startStates = /* @__PURE__ */ new Map();
    this.failed = false;
    for (let pc = 0; pc < prog.numInst(); pc++) {
      const op = prog.getInst(pc).op;
      if (op === Inst.LB_WRITE || op === Inst.LB_CHECK) {
        this.failed = true;
        break;
      }
    }
    this.computeRuneClasses();
    this.stateBudget = maxMem;
    this.memBudget = maxMem;
  }
  computeRuneClasses() {
    const bounds = /* @__PURE__ */ new Set();
    const addRange = (lo, hi) => {
      bounds.add(lo);
      bounds.add(hi + 1);
    };
    for (let pc = 0; pc < this.prog.numInst(); pc++) {
      const inst = this.prog.getInst(pc);
      switch (inst.op) {
        case Inst.RUNE:
        case Inst.RUNE1:
          if (inst.runes.length === 1) {
            addRange(inst.runes[0], inst.runes[0]);
            if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) for (let f = Unicode.simpleFold(inst.runes[0]); f !== inst.runes[0]; f = Unicode.simpleFold(f)) addRange(f, f);
          } else for (let j = 0; j < inst.runes.length; j += 2) addRange(inst.runes[j], inst.runes[j + 1]);
          break;
        case Inst.RUNE_ANY_NOT_NL:
          addRange(10, 10);
          break;
        case Inst.EMPTY_WIDTH:
          if ((inst.arg & (Utils.EMPTY_BEGIN_LINE | Utils.EMPTY_END_LINE)) !== 0) addRange(10, 10);
          if ((inst.arg & (Utils.EMPTY_WORD_BOUNDARY | Utils.EMPTY_NO_WORD_BOUNDARY)) !== 0) {
            addRange(48, 57);
            addRange(65, 90);
            addRange(95, 95);
            addRange(97, 122);
          }
      }
    }
    bounds.delete(0);
    this.classBounds = Int32Array.from(bounds).sort();
    this.numClasses = this.classBounds.length + 1;
    const latin1Class = new Int32Array(Unicode.MAX_LATIN1 + 1);
    for (let r = 0; r <= Unicode.MAX_LATIN1; r++) latin1Class[r] = this.searchClass(r);
    this.latin1Class = latin1Class;
  }
  runeClass(r) {
    if (r <= Unicode.MAX_LATIN1) return this.latin1Class[r];
    return this.searchClass(r);
  }
  searchClass(r) {
    const bounds = this.classBounds;
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (bounds[mid] <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  closure(pcs, flag) {
    const closure = /* @__PURE__ */ new Set();
    const stack = Array.from(pcs);
    let needflags = 0;
    while (stack.length > 0) {
      const pc = stack.pop();
      if (pc === 0 || closure.has(pc)) continue;
      closure.add(pc);
      const inst = this.prog.getInst(pc);
      switch (inst.op) {
        case Inst.ALT:
        case Inst.ALT_MATCH:
          stack.push(inst.out);
          stack.push(inst.arg);
          break;
        case Inst.NOP:
        case Inst.CAPTURE:
          stack.push(inst.out);
          break;
        case Inst.EMPTY_WIDTH:
          needflags |= inst.arg;
          if ((inst.arg & ~flag) === 0) stack.push(inst.out);
      }
    }
    return {
      pcs: Array.from(closure).sort((a, b) => a - b),
      needflags
    };
  }
  getState(pcs, flag, ids) {
    const hash = hashState(pcs, flag, ids);
    const cached = this.stateCache.get(hash);
    if (cached instanceof DFAState) {
      if (isState(cached, pcs, flag, ids)) return cached;
    } else if (cached !== void 0) {
      for (let i = 0; i < cached.length; i++) if (isState(cached[i], pcs, flag, ids)) return cached[i];
    }
    const cost = DFA2.stateCost(pcs, ids);
    if (this.memBudget < cost) return null;
    this.memBudget -= cost;
    const state = new DFAState(pcs, flag, ids);
    if (cached === void 0) this.stateCache.set(hash, state);
    else if (cached instanceof DFAState) this.stateCache.set(hash, [cached, state]);
    else cached.push(state);
    this.stateCount++;
    return state;
  }
  static stateCost(pcs, ids) {
    const idsCost = ids.length === 0 ? 0 : DFA2.ARRAY_OVERHEAD + DFA2.ELEMENT_SIZE * ids.length;
    return DFA2.STATE_OVERHEAD + DFA2.ELEMENT_SIZE * pcs.length + idsCost;
  }
  *cachedStates() {
    for (const cached of this.stateCache.values()) if (cached instanceof DFAState) yield cached;
    else yield* cached;
  }
  makeState(pcs, flag, ids) {
    const closure = this.closure(pcs, flag & DFA2.FLAG_EMPTY_MASK);
    let stateFlag = flag;
    if (closure.needflags === 0) stateFlag &= DFA2.FLAG_MATCH;
    stateFlag |= closure.needflags << DFA2.FLAG_NEED_SHIFT;
    return this.getState(closure.pcs, stateFlag, ids);
  }
  allocTable(state, anchor) {
    const size = this.numClasses + 1;
    const cost = DFA2.TABLE_OVERHEAD + DFA2.ELEMENT_SIZE * size;
    if (this.memBudget < cost) return null;
    this.memBudget -= cost;
    const table = new Array(size).fill(null);
    if (anchor === RE2Flags.UNANCHORED) state.next = table;
    else state.nextAnchored = table;
    return table;
  }
  clearCache() {
    this.stateCache.clear();
    this.stateCount = 0;
    this.startStates.clear();
    this.memBudget = this.stateBudget;
  }
  resetCache(current) {
    this.clearCache();
    return this.getState(current.nfaStates, current.flag, current.matchIDs);
  }
  step(state, cls, rune, anchor) {
    let table = anchor === RE2Flags.UNANCHORED ? state.next : state.nextAnchored;
    if (table !== null) {
      const cached = table[cls];
      if (cached !== null) return cached;
    } else {
      table = this.allocTable(state, anchor);
      if (table === null) return null;
    }
    const needflag = state.flag >>> DFA2.FLAG_NEED_SHIFT;
    const oldbeforeflag = state.flag & DFA2.FLAG_EMPTY_MASK;
    let beforeflag = oldbeforeflag;
    let afterflag = 0;
    if (rune === 10) {
      beforeflag |= Utils.EMPTY_END_LINE;
      afterflag |= Utils.EMPTY_BEGIN_LINE;
    }
    if (rune === END_TEXT) beforeflag |= Utils.EMPTY_END_LINE | Utils.EMPTY_END_TEXT;
    const islastword = (state.flag & DFA2.FLAG_LAST_WORD) !== 0;
    const isword = rune !== END_TEXT && Utils.isWordRune(rune);
    beforeflag |= isword === islastword ? Utils.EMPTY_NO_WORD_BOUNDARY : Utils.EMPTY_WORD_BOUNDARY;
    let pcs = state.nfaStates;
    if ((beforeflag & ~oldbeforeflag & needflag) !== 0) pcs = this.closure(pcs, beforeflag).pcs;
    const nextPCs = [];
    let ismatch = false;
    let ids = NO_IDS;
    for (let i = 0; i < pcs.length; i++) {
      const inst = this.prog.getInst(pcs[i]);
      if (inst.op === Inst.MATCH) {
        if (!ismatch) {
          ismatch = true;
          ids = [];
        }
        ids.push(inst.arg);
      } else if (rune !== END_TEXT && Inst.isRuneOp(inst.op) && inst.matchRune(rune)) nextPCs.push(inst.out);
    }
    if (ids.length > 1) ids.sort((a, b) => a - b);
    if (anchor === RE2Flags.UNANCHORED && rune !== END_TEXT) nextPCs.push(this.prog.start);
    let flag = afterflag;
    if (ismatch) flag |= DFA2.FLAG_MATCH;
    if (isword) flag |= DFA2.FLAG_LAST_WORD;
    const nextState = this.makeState(nextPCs, flag, ids);
    if (nextState === null) return null;
    table[cls] = nextState;
    return nextState;
  }
  start(input, pos) {
    const context = input.context(pos);
    let flags2;
    if ((context & Utils.EMPTY_BEGIN_TEXT) !== 0) flags2 = Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
    else if ((context & Utils.EMPTY_BEGIN_LINE) !== 0) flags2 = Utils.EMPTY_BEGIN_LINE;
    else {
      const r = input.step(pos);
      const nextIsWord = r >= 0 && Utils.isWordRune(r >> 3);
      flags2 = (context & Utils.EMPTY_WORD_BOUNDARY) !== 0 !== nextIsWord ? DFA2.FLAG_LAST_WORD : 0;
    }
    let state = this.startStates.get(flags2);
    if (state === void 0) {
      state = this.makeState([this.prog.start], flags2, NO_IDS);
      if (state === null) {
        this.clearCache();
        state = this.makeState([this.prog.start], flags2, NO_IDS);
        if (state === null) return null;
      }
      this.startStates.set(flags2, state);
    }
    return state;
  }
  stepOrReset(state, cls, rune, anchor, pos, search) {
    let next = this.step(state, cls, rune, anchor);
    if (next !== null) return next;
    if (search.resetPos >= 0 && pos - search.resetPos < DFA2.PROGRESS_PER_STATE * this.stateCount) return null;
    search.resetPos = pos;
    const restored = this.resetCache(state);
    if (restored === null) return null;
    next = this.step(restored, cls, rune, anchor);
    return next;
  }
  run(input, pos, anchor, state, onMatch) {
    const endPos = input.endPos();
    const latin1Class = this.latin1Class;
    const unanchored = anchor === RE2Flags.UNANCHORED;
    const search = { resetPos: -1 };
    let i = pos;
    while (i < endPos) {
      const r = input.step(i);
      const rune = r >> 3;
      const width = r & 7;
      if (width === 0) break;
      const cls = rune <= Unicode.MAX_LATIN1 ? latin1Class[rune] : this.runeClass(rune);
      let next = unanchored && state.next !== null ? state.next[cls] : null;
      if (next === null) {
        next = this.stepOrReset(state, cls, rune, anchor, i, search);
        if (next === null) return null;
      }
      state = next;
      if (state.isMatch && onMatch(state, false)) return true;
      if (!unanchored && state.nfaStates.length === 0) return false;
      i += width;
    }
    state = this.stepOrReset(state, this.numClasses, END_TEXT, anchor, i, search);
    if (state === null) return null;
    return state.isMatch && onMatch(state, true);
  }
  match(input, pos, anchor) {
    if (this.failed) return null;
    if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
    const startState = this.start(input, pos);
    if (startState === null) return null;
    return this.run(input, pos, anchor, startState, (state, atEnd) => anchor !== RE2Flags.ANCHOR_BOTH || atEnd);
  }
  matchSet(input, pos, anchor) {
    if (this.failed) return null;
    if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
    const startState = this.start(input, pos);
    if (startState === null) return null;
    const matches = /* @__PURE__ */ new Set();
    const collect = (state, atEnd) => {
      if (anchor !== RE2Flags.ANCHOR_BOTH || atEnd) for (let k = 0; k < state.matchIDs.length; k++) matches.add(state.matchIDs[k]);
      return false;
    };
    if (this.run(input, pos, anchor, startState, collect) === null) return null;
    return Array.from(matches).sort((a, b) => a - b);
  }
};
var VISITED_BITS = 32;
var MAX_BACKTRACK_PROG = 500;
var INITIAL_JOB_CAPACITY = 256;
var MAX_BACKTRACK_VECTOR = 262144;
var BitState = class {
  constructor() {
    this.end = 0;
    this.cap = /* @__PURE__ */ new Int32Array(0);
    this.matchcap = /* @__PURE__ */ new Int32Array(0);
    this.ncap = 0;
    this.jobPc = new Int32Array(INITIAL_JOB_CAPACITY);
    this.jobArg = new Uint8Array(INITIAL_JOB_CAPACITY);
    this.jobPos = new Int32Array(INITIAL_JOB_CAPACITY);
    this.jobLen = 0;
    this.visited = /* @__PURE__ */ new Uint32Array(0);
  }
  reset(prog, end, ncap) {
    this.end = end;
    this.jobLen = 0;
    this.ncap = ncap;
    const visitedSize = prog.numInst() * (end + 1) + VISITED_BITS - 1 >>> 5;
    if (this.visited.length < visitedSize) this.visited = new Uint32Array(visitedSize);
    else this.visited.fill(0, 0, visitedSize);
    if (this.cap.length < ncap) this.cap = new Int32Array(ncap).fill(-1);
    else this.cap.fill(-1, 0, ncap);
    if (this.matchcap.length < ncap) this.matchcap = new Int32Array(ncap).fill(-1);
    else this.matchcap.fill(-1, 0, ncap);
  }
  shouldVisit(pc, pos) {
    const n = pc * (this.end + 1) + pos;
    const idx = n >>> 5;
    const mask = 1 << (n & 31);
    if ((this.visited[idx] & mask) !== 0) return false;
    this.visited[idx] |= mask;
    return true;
  }
  push(re2, pc, pos, arg) {
    if (re2.prog.getInst(pc).op !== Inst.FAIL && (arg || this.shouldVisit(pc, pos))) {
      if (this.jobLen >= this.jobPc.length) {
        const newSize = this.jobPc.length * 2;
        const newPc = new Int32Array(newSize);
        newPc.set(this.jobPc);
        this.jobPc = newPc;
        const newArg = new Uint8Array(newSize);
        newArg.set(this.jobArg);
        this.jobArg = newArg;
        const newPos = new Int32Array(newSize);
        newPos.set(this.jobPos);
        this.jobPos = newPos;
      }
      this.jobPc[this.jobLen] = pc;
      this.jobArg[this.jobLen] = arg ? 1 : 0;
      this.jobPos[this.jobLen] = pos;
      this.jobLen++;
    }
  }
  tryBacktrack(re2, input, pc, pos, anchor) {
    const longest = re2.longest;
    this.push(re2, pc, pos, false);
    while (this.jobLen > 0) {
      this.jobLen--;
      let currentPc = this.jobPc[this.jobLen];
      let arg = this.jobArg[this.jobLen] === 1;
      let currentPos = this.jobPos[this.jobLen];
      let skipShouldVisit = true;
      while (true) {
        if (!skipShouldVisit) {
          if (!this.shouldVisit(currentPc, currentPos)) break;
        }
        skipShouldVisit = false;
        const inst = re2.prog.getInst(currentPc);
        switch (inst.op) {
          case Inst.FAIL:
            break;
          case Inst.ALT:
            if (arg) {
              arg = false;
              currentPc = inst.arg;
              continue;
            } else {
              this.push(re2, currentPc, currentPos, true);
              currentPc = inst.out;
              continue;
            }
          case Inst.ALT_MATCH: {
            const outInst = re2.prog.getInst(inst.out);
            if (Inst.isRuneOp(outInst.op)) {
              this.push(re2, inst.arg, currentPos, false);
              currentPc = inst.arg;
              currentPos = this.end;
              continue;
            }
            this.push(re2, inst.out, this.end, false);
            currentPc = inst.out;
            continue;
          }
          case Inst.RUNE: {
            const r = input.step(currentPos);
            if (r === MachineInputBase.EOF()) break;
            if (!inst.matchRune(r >> 3)) break;
            currentPos += r & 7;
            currentPc = inst.out;
            continue;
          }
          case Inst.RUNE1: {
            const r = input.step(currentPos);
            if (r === MachineInputBase.EOF()) break;
            if (r >> 3 !== inst.runes[0]) break;
            currentPos += r & 7;
            currentPc = inst.out;
            continue;
          }
          case Inst.RUNE_ANY_NOT_NL: {
            const r = input.step(currentPos);
            if (r === MachineInputBase.EOF()) break;
            if (r >> 3 === 10) break;
            currentPos += r & 7;
            currentPc = inst.out;
            continue;
          }
          case Inst.RUNE_ANY: {
            const r = input.step(currentPos);
            if (r === MachineInputBase.EOF()) break;
            currentPos += r & 7;
            currentPc = inst.out;
            continue;
          }
          case Inst.CAPTURE:
            if (arg) {
              this.cap[inst.arg] = currentPos;
              break;
            } else {
              if (inst.arg < this.ncap) {
                this.push(re2, currentPc, this.cap[inst.arg], true);
                this.cap[inst.arg] = currentPos;
              }
              currentPc = inst.out;
              continue;
            }
          case Inst.EMPTY_WIDTH: {
            const flag = input.context(currentPos);
            if ((inst.arg & ~flag) !== 0) break;
            currentPc = inst.out;
            continue;
          }
          case Inst.NOP:
            currentPc = inst.out;
            continue;
          case Inst.MATCH: {
            if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== this.end) break;
            if (this.ncap === 0) return true;
            if (this.ncap > 1) this.cap[1] = currentPos;
            const old = this.matchcap[1];
            if (old === -1 || longest && currentPos > 0 && currentPos > old) this.matchcap.set(this.cap);
            if (!longest) return true;
            if (currentPos === this.end) return true;
            break;
          }
          case Inst.LB_WRITE:
          case Inst.LB_CHECK:
            throw new RE2JSInternalException("Backtracker cannot evaluate Lookbehind instructions");
          default:
            throw new RE2JSInternalException("bad inst");
        }
        break;
      }
    }
    return longest && this.matchcap.length > 1 && this.matchcap[1] >= 0;
  }
};
var bitStatePool = [];
var Backtracker = class Backtracker2 {
  static shouldBacktrack(prog) {
    return prog.numInst() <= MAX_BACKTRACK_PROG;
  }
  static maxBitStateLen(prog) {
    if (!Backtracker2.shouldBacktrack(prog)) return 0;
    return Math.floor(MAX_BACKTRACK_VECTOR / prog.numInst());
  }
  static execute(re2, input, pos, anchor, ncap) {
    const startCond = re2.cond;
    if (startCond === Utils.EMPTY_ALL) return null;
    if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
    if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && pos !== 0) return null;
    const b = bitStatePool.length > 0 ? bitStatePool.pop() : new BitState();
    const end = input.endPos();
    b.reset(re2.prog, end, ncap);
    let matched = false;
    if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 || anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) {
      if (b.ncap > 0) b.cap[0] = pos;
      if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) matched = true;
    } else {
      let width = -1;
      for (; pos <= end && width !== 0; pos += width) {
        if (re2.prefix.length > 0) {
          const advance = input.index(re2, pos);
          if (advance < 0) break;
          pos += advance;
        }
        if (b.ncap > 0) b.cap[0] = pos;
        if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) {
          matched = true;
          break;
        }
        const r = input.step(pos);
        width = r === MachineInputBase.EOF() ? 0 : r & 7;
      }
    }
    if (!matched) {
      bitStatePool.push(b);
      return null;
    }
    const result = ncap === 0 ? [] : Utils.toArray(b.matchcap.subarray(0, ncap));
    bitStatePool.push(b);
    return result;
  }
};
var QueueOnePass = class {
  constructor(size) {
    this.sparse = new Uint32Array(size);
    this.dense = new Uint32Array(size);
    this.size = 0;
    this.nextIndex = 0;
  }
  empty() {
    return this.nextIndex >= this.size;
  }
  next() {
    return this.dense[this.nextIndex++];
  }
  clear() {
    this.size = 0;
    this.nextIndex = 0;
  }
  contains(u) {
    return u < this.sparse.length && this.sparse[u] < this.size && this.dense[this.sparse[u]] === u;
  }
  insert(u) {
    if (!this.contains(u)) this.insertNew(u);
  }
  insertNew(u) {
    if (u >= this.sparse.length) return;
    this.sparse[u] = this.size;
    this.dense[this.size] = u;
    this.size++;
  }
};
var mergeRuneSets = (leftRunes, rightRunes, leftPC, rightPC) => {
  const leftLen = leftRunes.length;
  const rightLen = rightRunes.length;
  let lx = 0, rx = 0;
  const merged = [];
  const next = [];
  let ok = true;
  let ix = -1;
  const extend = (isLeft) => {
    const newArray = isLeft ? leftRunes : rightRunes;
    const low = isLeft ? lx : rx;
    const pc = isLeft ? leftPC : rightPC;
    if (ix > 0 && newArray[low] <= merged[ix]) return false;
    merged.push(newArray[low], newArray[low + 1]);
    if (isLeft) lx += 2;
    else rx += 2;
    ix += 2;
    next.push(pc);
    return true;
  };
  while (lx < leftLen || rx < rightLen) {
    if (rx >= rightLen) ok = extend(true);
    else if (lx >= leftLen) ok = extend(false);
    else if (rightRunes[rx] < leftRunes[lx]) ok = extend(false);
    else ok = extend(true);
    if (!ok) return null;
  }
  return {
    merged,
    next
  };
};
var OnePassProg = class {
  constructor(prog) {
    this.start = prog.start;
    this.numCap = prog.numCap;
    this.inst = new Array(prog.inst.length);
    for (let i = 0; i < prog.inst.length; i++) {
      const orig = prog.inst[i];
      const inst = new Inst(orig.op);
      inst.out = orig.out;
      inst.arg = orig.arg;
      inst.runes = orig.runes ? new Int32Array(orig.runes) : /* @__PURE__ */ new Int32Array(0);
      inst.next = null;
      this.inst[i] = inst;
    }
  }
};
var onePassCopy = (prog) => {
  const p = new OnePassProg(prog);
  for (let pc = 0; pc < p.inst.length; pc++) {
    const inst = p.inst[pc];
    if (inst.op !== Inst.ALT && inst.op !== Inst.ALT_MATCH) continue;
    let pAOther = "out";
    let pAAlt = "arg";
    let instAlt = p.inst[inst[pAAlt]];
    if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) {
      pAOther = "arg";
      pAAlt = "out";
      instAlt = p.inst[inst[pAAlt]];
      if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) continue;
    }
    const instOther = p.inst[inst[pAOther]];
    if (instOther.op === Inst.ALT || instOther.op === Inst.ALT_MATCH) continue;
    let pBAlt = "out";
    let pBOther = "arg";
    let patch = false;
    if (instAlt.out === pc) patch = true;
    else if (instAlt.arg === pc) {
      patch = true;
      pBAlt = "arg";
      pBOther = "out";
    }
    if (patch) instAlt[pBAlt] = inst[pAOther];
    if (inst[pAOther] === instAlt[pBAlt]) inst[pAAlt] = instAlt[pBOther];
  }
  return p;
};
var makeOnePass = (p) => {
  if (p.inst.length >= 1e3) return null;
  const instQueue = new QueueOnePass(p.inst.length);
  const visitQueue = new QueueOnePass(p.inst.length);
  const onePassRunes = new Array(p.inst.length);
  const m = new Array(p.inst.length).fill(false);
  const check = (pc) => {
    let ok = true;
    const inst = p.inst[pc];
    if (visitQueue.contains(pc)) return true;
    visitQueue.insert(pc);
    switch (inst.op) {
      case Inst.ALT:
      case Inst.ALT_MATCH: {
        ok = check(inst.out) && check(inst.arg);
        let matchOut = m[inst.out];
        let matchArg = m[inst.arg];
        if (matchOut && matchArg) return false;
        if (matchArg) {
          const tempOut = inst.out;
          inst.out = inst.arg;
          inst.arg = tempOut;
          const tempMatch = matchOut;
          matchOut = matchArg;
          matchArg = tempMatch;
        }
        if (matchOut) {
          m[pc] = true;
          inst.op = Inst.ALT_MATCH;
        }
        const leftRunes = onePassRunes[inst.out] || [];
        const rightRunes = onePassRunes[inst.arg] || [];
        const mergeRes = mergeRuneSets(leftRunes, rightRunes, inst.out, inst.arg);
        if (!mergeRes) return false;
        onePassRunes[pc] = new Int32Array(mergeRes.merged);
        inst.next = new Uint32Array(mergeRes.next);
        break;
      }
      case Inst.CAPTURE:
      case Inst.EMPTY_WIDTH:
      case Inst.NOP:
        ok = check(inst.out);
        m[pc] = m[inst.out];
        onePassRunes[pc] = onePassRunes[inst.out] ? new Int32Array(onePassRunes[inst.out]) : /* @__PURE__ */ new Int32Array(0);
        inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
        break;
      case Inst.MATCH:
      case Inst.FAIL:
        m[pc] = inst.op === Inst.MATCH;
        break;
      case Inst.RUNE: {
        m[pc] = false;
        if (inst.next && inst.next.length > 0) break;
        instQueue.insert(inst.out);
        if (!inst.runes || inst.runes.length === 0) {
          onePassRunes[pc] = /* @__PURE__ */ new Int32Array(0);
          inst.next = new Uint32Array([inst.out]);
          break;
        }
        let runes = [];
        if (inst.runes.length === 1 && (inst.arg & RE2Flags.FOLD_CASE) !== 0) {
          const r0 = inst.runes[0];
          runes.push(r0, r0);
          for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
          runes.sort((a, b) => a - b);
        } else for (let j = 0; j < inst.runes.length; j++) runes.push(inst.runes[j]);
        onePassRunes[pc] = new Int32Array(runes);
        inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
        inst.op = Inst.RUNE;
        break;
      }
      case Inst.RUNE1: {
        m[pc] = false;
        if (inst.next && inst.next.length > 0) break;
        instQueue.insert(inst.out);
        let runes = [];
        if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) {
          const r0 = inst.runes[0];
          runes.push(r0, r0);
          for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
          runes.sort((a, b) => a - b);
        } else runes.push(inst.runes[0], inst.runes[0]);
        onePassRunes[pc] = new Int32Array(runes);
        inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
        inst.op = Inst.RUNE;
        break;
      }
      case Inst.RUNE_ANY:
        m[pc] = false;
        if (inst.next && inst.next.length > 0) break;
        instQueue.insert(inst.out);
        onePassRunes[pc] = new Int32Array([0, Unicode.MAX_RUNE]);
        inst.next = new Uint32Array([inst.out]);
        break;
      case Inst.RUNE_ANY_NOT_NL:
        m[pc] = false;
        if (inst.next && inst.next.length > 0) break;
        instQueue.insert(inst.out);
        onePassRunes[pc] = new Int32Array([
          0,
          9,
          11,
          Unicode.MAX_RUNE
        ]);
        inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
    }
    return ok;
  };
  instQueue.clear();
  instQueue.insert(p.start);
  while (!instQueue.empty()) {
    visitQueue.clear();
    if (!check(instQueue.next())) return null;
  }
  for (let i = 0; i < p.inst.length; i++) if (onePassRunes[i]) p.inst[i].runes = onePassRunes[i];
  return p;
};
var cleanupOnePass = (p, original) => {
  for (let ix = 0; ix < original.inst.length; ix++) {
    const instOriginal = original.inst[ix];
    switch (instOriginal.op) {
      case Inst.ALT:
      case Inst.ALT_MATCH:
      case Inst.RUNE:
        break;
      case Inst.CAPTURE:
      case Inst.EMPTY_WIDTH:
      case Inst.NOP:
      case Inst.MATCH:
      case Inst.FAIL:
        p.inst[ix].next = null;
        break;
      case Inst.RUNE1:
      case Inst.RUNE_ANY:
      case Inst.RUNE_ANY_NOT_NL:
        p.inst[ix].next = null;
        p.inst[ix].op = instOriginal.op;
        p.inst[ix].runes = instOriginal.runes ? new Int32Array(instOriginal.runes) : /* @__PURE__ */ new Int32Array(0);
    }
  }
};
var OnePass = class OnePass2 {
  static compile(prog) {
    if (prog.start === 0) return null;
    if (prog.numLb > 0) return null;
    const startInst = prog.inst[prog.start];
    if (startInst.op !== Inst.EMPTY_WIDTH || (startInst.arg & Utils.EMPTY_BEGIN_TEXT) === 0) return null;
    let hasAlt = false;
    for (let i = 0; i < prog.inst.length; i++) if (prog.inst[i].op === Inst.ALT || prog.inst[i].op === Inst.ALT_MATCH) {
      hasAlt = true;
      break;
    }
    for (let i = 0; i < prog.inst.length; i++) {
      const inst = prog.inst[i];
      const opOut = prog.inst[inst.out].op;
      switch (inst.op) {
        case Inst.ALT:
        case Inst.ALT_MATCH:
          if (opOut === Inst.MATCH || prog.inst[inst.arg].op === Inst.MATCH) return null;
          break;
        case Inst.EMPTY_WIDTH:
          if (opOut === Inst.MATCH) {
            if ((inst.arg & Utils.EMPTY_END_TEXT) === Utils.EMPTY_END_TEXT) continue;
            return null;
          }
          break;
        default:
          if (opOut === Inst.MATCH && hasAlt) return null;
      }
    }
    let p = onePassCopy(prog);
    p = makeOnePass(p);
    if (p !== null) cleanupOnePass(p, prog);
    return p;
  }
  static next(inst, r) {
    const nextIdx = inst.matchRunePos(r);
    if (nextIdx >= 0) return inst.next[nextIdx];
    if (inst.op === Inst.ALT_MATCH) return inst.out;
    return 0;
  }
  static execute(re2, input, pos, anchor, ncap) {
    const onepass = re2.onepass;
    if (!onepass) return null;
    const matchcap = new Int32Array(ncap).fill(-1);
    let matched = false;
    let r = input.step(pos);
    let rune = r >> 3;
    let width = r & 7;
    let r1 = MachineInputBase.EOF();
    let rune1 = -1;
    let width1 = 0;
    if (r !== MachineInputBase.EOF()) {
      r1 = input.step(pos + width);
      if (r1 !== MachineInputBase.EOF()) {
        rune1 = r1 >> 3;
        width1 = r1 & 7;
      }
    }
    let flag = pos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(pos);
    let pc = onepass.start;
    let inst;
    while (true) {
      inst = onepass.inst[pc];
      pc = inst.out;
      switch (inst.op) {
        case Inst.MATCH:
          if (anchor === RE2Flags.ANCHOR_BOTH && pos !== input.endPos()) return null;
          matched = true;
          if (matchcap.length > 0) {
            matchcap[0] = 0;
            matchcap[1] = pos;
          }
          return ncap === 0 ? [] : Utils.toArray(matchcap);
        case Inst.RUNE:
          if (!inst.matchRune(rune)) return null;
          break;
        case Inst.RUNE1:
          if (rune !== inst.runes[0]) return null;
          break;
        case Inst.RUNE_ANY:
          break;
        case Inst.RUNE_ANY_NOT_NL:
          if (rune === 10) return null;
          break;
        case Inst.ALT:
        case Inst.ALT_MATCH:
          pc = OnePass2.next(inst, rune);
          continue;
        case Inst.FAIL:
          return null;
        case Inst.NOP:
          continue;
        case Inst.EMPTY_WIDTH:
          if ((inst.arg & ~flag) !== 0) return null;
          continue;
        case Inst.CAPTURE:
          if (inst.arg < matchcap.length) matchcap[inst.arg] = pos;
          continue;
        default:
          throw new RE2JSInternalException("bad inst");
      }
      if (width === 0) break;
      flag = Utils.emptyOpContext(rune, rune1);
      pos += width;
      rune = rune1;
      width = width1;
      if (rune !== -1) {
        r1 = input.step(pos + width);
        if (r1 !== MachineInputBase.EOF()) {
          rune1 = r1 >> 3;
          width1 = r1 & 7;
        } else {
          rune1 = -1;
          width1 = 0;
        }
      }
    }
    if (!matched) return null;
    return ncap === 0 ? [] : Utils.toArray(matchcap);
  }
};
var Regexp = class Regexp2 {
  static Op = createEnum([
    "NO_MATCH",
    "EMPTY_MATCH",
    "LITERAL",
    "CHAR_CLASS",
    "ANY_CHAR_NOT_NL",
    "ANY_CHAR",
    "BEGIN_LINE",
    "END_LINE",
    "BEGIN_TEXT",
    "END_TEXT",
    "WORD_BOUNDARY",
    "NO_WORD_BOUNDARY",
    "CAPTURE",
    "STAR",
    "PLUS",
    "QUEST",
    "REPEAT",
    "CONCAT",
    "ALTERNATE",
    "PLB",
    "NLB",
    "LEFT_PAREN",
    "VERTICAL_BAR"
  ]);
  static isPseudoOp(op) {
    return op >= Regexp2.Op.LEFT_PAREN;
  }
  static emptySubs() {
    return [];
  }
  static quoteIfHyphen(rune) {
    if (rune === Codepoint.CODES["-"]) return "\\";
    return "";
  }
  static fromRegexp(re) {
    const regex = new Regexp2(re.op);
    regex.flags = re.flags;
    regex.subs = re.subs;
    regex.runes = re.runes;
    regex.cap = re.cap;
    regex.min = re.min;
    regex.max = re.max;
    regex.name = re.name;
    regex.namedGroups = re.namedGroups;
    regex.lb = re.lb;
    return regex;
  }
  constructor(op) {
    this.op = op;
    this.flags = 0;
    this.subs = Regexp2.emptySubs();
    this.runes = /* @__PURE__ */ new Int32Array(0);
    this.min = 0;
    this.max = 0;
    this.cap = 0;
    this.name = null;
    this.namedGroups = /* @__PURE__ */ Object.create(null);
    this.lb = 0;
  }
  reinit() {
    this.flags = 0;
    this.subs = Regexp2.emptySubs();
    this.runes = /* @__PURE__ */ new Int32Array(0);
    this.cap = 0;
    this.min = 0;
    this.max = 0;
    this.name = null;
    this.namedGroups = /* @__PURE__ */ Object.create(null);
    this.lb = 0;
  }
  toString() {
    return this.appendTo();
  }
  appendTo() {
    let out = "";
    switch (this.op) {
      case Regexp2.Op.NO_MATCH:
        out += "[^\\x00-\\x{10FFFF}]";
        break;
      case Regexp2.Op.EMPTY_MATCH:
        out += "(?:)";
        break;
      case Regexp2.Op.STAR:
      case Regexp2.Op.PLUS:
      case Regexp2.Op.QUEST:
      case Regexp2.Op.REPEAT: {
        const sub = this.subs[0];
        if (sub.op > Regexp2.Op.CAPTURE || sub.op === Regexp2.Op.LITERAL && sub.runes.length > 1) out += `(?:${sub.appendTo()})`;
        else out += sub.appendTo();
        switch (this.op) {
          case Regexp2.Op.STAR:
            out += "*";
            break;
          case Regexp2.Op.PLUS:
            out += "+";
            break;
          case Regexp2.Op.QUEST:
            out += "?";
            break;
          case Regexp2.Op.REPEAT:
            out += `{${this.min}`;
            if (this.min !== this.max) {
              out += ",";
              if (this.max >= 0) out += this.max;
            }
            out += "}";
        }
        if ((this.flags & RE2Flags.NON_GREEDY) !== 0) out += "?";
        break;
      }
      case Regexp2.Op.CONCAT:
        for (let sub of this.subs) if (sub.op === Regexp2.Op.ALTERNATE) out += `(?:${sub.appendTo()})`;
        else out += sub.appendTo();
        break;
      case Regexp2.Op.ALTERNATE: {
        let sep = "";
        for (let sub of this.subs) {
          out += sep;
          sep = "|";
          out += sub.appendTo();
        }
        break;
      }
      case Regexp2.Op.LITERAL:
        if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += "(?i:";
        for (let rune of this.runes) out += Utils.escapeRune(rune);
        if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += ")";
        break;
      case Regexp2.Op.ANY_CHAR_NOT_NL:
        out += "(?-s:.)";
        break;
      case Regexp2.Op.ANY_CHAR:
        out += "(?s:.)";
        break;
      case Regexp2.Op.PLB:
        out += `(?<=${this.subs[0].appendTo()})`;
        break;
      case Regexp2.Op.NLB:
        out += `(?<!${this.subs[0].appendTo()})`;
        break;
      case Regexp2.Op.CAPTURE:
        if (this.name === null || this.name.length === 0) out += "(";
        else out += `(?P<${this.name}>`;
        if (this.subs[0].op !== Regexp2.Op.EMPTY_MATCH) out += this.subs[0].appendTo();
        out += ")";
        break;
      case Regexp2.Op.BEGIN_TEXT:
        out += "\\A";
        break;
      case Regexp2.Op.END_TEXT:
        if ((this.flags & RE2Flags.WAS_DOLLAR) !== 0) out += "(?-m:$)";
        else out += "\\z";
        break;
      case Regexp2.Op.BEGIN_LINE:
        out += "^";
        break;
      case Regexp2.Op.END_LINE:
        out += "$";
        break;
      case Regexp2.Op.WORD_BOUNDARY:
        out += "\\b";
        break;
      case Regexp2.Op.NO_WORD_BOUNDARY:
        out += "\\B";
        break;
      case Regexp2.Op.CHAR_CLASS:
        if (this.runes.length % 2 !== 0) {
          out += "[invalid char class]";
          break;
        }
        out += "[";
        if (this.runes.length === 0) out += "^\\x00-\\x{10FFFF}";
        else if (this.runes[0] === 0 && this.runes[this.runes.length - 1] === Unicode.MAX_RUNE) {
          out += "^";
          for (let i = 1; i < this.runes.length - 1; i += 2) {
            const lo = this.runes[i] + 1;
            const hi = this.runes[i + 1] - 1;
            out += Regexp2.quoteIfHyphen(lo);
            out += Utils.escapeRune(lo);
            if (lo !== hi) {
              out += "-";
              out += Regexp2.quoteIfHyphen(hi);
              out += Utils.escapeRune(hi);
            }
          }
        } else for (let i = 0; i < this.runes.length; i += 2) {
          const lo = this.runes[i];
          const hi = this.runes[i + 1];
          out += Regexp2.quoteIfHyphen(lo);
          out += Utils.escapeRune(lo);
          if (lo !== hi) {
            out += "-";
            out += Regexp2.quoteIfHyphen(hi);
            out += Utils.escapeRune(hi);
          }
        }
        out += "]";
        break;
      default:
        out += this.op;
    }
    return out;
  }
  maxCap() {
    let m = 0;
    if (this.op === Regexp2.Op.CAPTURE) m = this.cap;
    if (this.subs !== null) for (let sub of this.subs) {
      const n = sub.maxCap();
      if (m < n) m = n;
    }
    return m;
  }
  equals(that) {
    if (!(that !== null && that instanceof Regexp2)) return false;
    if (this.op !== that.op) return false;
    switch (this.op) {
      case Regexp2.Op.END_TEXT:
        if ((this.flags & RE2Flags.WAS_DOLLAR) !== (that.flags & RE2Flags.WAS_DOLLAR)) return false;
        break;
      case Regexp2.Op.LITERAL:
      case Regexp2.Op.CHAR_CLASS:
        if ((this.flags & RE2Flags.FOLD_CASE) !== (that.flags & RE2Flags.FOLD_CASE)) return false;
        if (this.runes === null && that.runes === null) break;
        if (this.runes === null || that.runes === null) return false;
        if (this.runes.length !== that.runes.length) return false;
        for (let i = 0; i < this.runes.length; i++) if (this.runes[i] !== that.runes[i]) return false;
        break;
      case Regexp2.Op.ALTERNATE:
      case Regexp2.Op.CONCAT:
        if (this.subs.length !== that.subs.length) return false;
        for (let i = 0; i < this.subs.length; ++i) if (!this.subs[i].equals(that.subs[i])) return false;
        break;
      case Regexp2.Op.STAR:
      case Regexp2.Op.PLUS:
      case Regexp2.Op.QUEST:
        if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || !this.subs[0].equals(that.subs[0])) return false;
        break;
      case Regexp2.Op.REPEAT:
        if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || this.min !== that.min || this.max !== that.max || !this.subs[0].equals(that.subs[0])) return false;
        break;
      case Regexp2.Op.CAPTURE:
        if (this.cap !== that.cap || (this.name === null ? that.name !== null : this.name !== that.name) || !this.subs[0].equals(that.subs[0])) return false;
        break;
      case Regexp2.Op.PLB:
      case Regexp2.Op.NLB:
        if (this.lb !== that.lb || !this.subs[0].equals(that.subs[0])) return false;
    }
    return true;
  }
};
var RegexpWalker = class {
  static walk(root, handler) {
    const stack = [];
    let re = root;
    let result;
    for (; ; ) {
      if (re.subs.length === 0) result = handler.leaf(re);
      else {
        const state = handler.enter(re);
        if (state.result === void 0) {
          stack.push({
            re,
            state,
            i: 0
          });
          re = re.subs[0];
          continue;
        }
        result = state.result;
      }
      for (; ; ) {
        if (stack.length === 0) return result;
        const frame = stack[stack.length - 1];
        handler.child(frame.re, frame.state, result, frame.i);
        frame.i++;
        if (frame.state.result === void 0 && frame.i < frame.re.subs.length) {
          re = frame.re.subs[frame.i];
          break;
        }
        stack.pop();
        result = frame.state.result !== void 0 ? frame.state.result : handler.leave(frame.re, frame.state);
      }
    }
  }
};
var AhoCorasick = class {
  constructor(words, alphabetSize) {
    const edges = /* @__PURE__ */ new Map();
    const parent = [0];
    const unit = [0];
    const depth = [0];
    const terminal = [0];
    for (const word of words) {
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const key = node * alphabetSize + word[i];
        let child = edges.get(key);
        if (child === void 0) {
          child = parent.length;
          edges.set(key, child);
          parent.push(node);
          unit.push(word[i]);
          depth.push(depth[node] + 1);
          terminal.push(0);
        }
        node = child;
      }
      terminal[node] = 1;
    }
    const numNodes = parent.length;
    const children = new Int32Array(numNodes - 1);
    for (let c = 1; c < numNodes; c++) children[c - 1] = c;
    children.sort((a, b) => parent[a] - parent[b] || unit[a] - unit[b]);
    const childStart = new Int32Array(numNodes + 1);
    for (let c = 1; c < numNodes; c++) childStart[parent[c] + 1]++;
    for (let n = 0; n < numNodes; n++) childStart[n + 1] += childStart[n];
    const childUnit = new Int32Array(numNodes - 1);
    for (let k = 0; k < children.length; k++) childUnit[k] = unit[children[k]];
    this.childStart = childStart;
    this.childUnit = childUnit;
    this.childNode = children;
    const byDepth = new Int32Array(numNodes);
    for (let n = 0; n < numNodes; n++) byDepth[n] = n;
    byDepth.sort((a, b) => depth[a] - depth[b]);
    const fail2 = new Int32Array(numNodes);
    const match = Uint8Array.from(terminal);
    for (let k = 1; k < numNodes; k++) {
      const c = byDepth[k];
      const p = parent[c];
      if (p !== 0) {
        let f = fail2[p];
        let next = this.next(f, unit[c]);
        while (next < 0 && f !== 0) {
          f = fail2[f];
          next = this.next(f, unit[c]);
        }
        fail2[c] = next >= 0 ? next : 0;
      }
      match[c] |= match[fail2[c]];
    }
    this.fail = fail2;
    this.match = match;
  }
  next(node, u) {
    let lo = this.childStart[node];
    let hi = this.childStart[node + 1];
    const units = this.childUnit;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      const m = units[mid];
      if (m === u) return this.childNode[mid];
      if (m < u) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
  advance(node, u) {
    for (; ; ) {
      const next = this.next(node, u);
      if (next >= 0) return next;
      if (node === 0) return 0;
      node = this.fail[node];
    }
  }
  searchUTF16(charSeq, start, end) {
    let node = 0;
    for (let i = start; i < end; i++) {
      node = this.advance(node, charSeq.charCodeAt(i));
      if (this.match[node] === 1) return true;
    }
    return false;
  }
  searchUTF8(bytes, start, end) {
    let node = 0;
    for (let i = start; i < end; i++) {
      node = this.advance(node, bytes[i]);
      if (this.match[node] === 1) return true;
    }
    return false;
  }
};
var Prefilter = class Prefilter2 {
  static Type = {
    NONE: 0,
    EXACT: 1,
    AND: 2,
    OR: 3
  };
  static MAX_SCANS = 32;
  static MAX_AC_UNITS = 1 << 18;
  constructor(type) {
    this.type = type;
    this.subs = [];
    this.str = "";
    this.bytes = null;
    this.cost = type === Prefilter2.Type.EXACT ? 1 : 0;
    this.allExact = false;
    this.ac16 = null;
    this.ac8 = null;
  }
  automaton16() {
    if (this.ac16 === null) {
      const words = this.subs.map((s) => {
        const arr = new Array(s.str.length);
        for (let i = 0; i < s.str.length; i++) arr[i] = s.str.charCodeAt(i);
        return arr;
      });
      this.ac16 = new AhoCorasick(words, 65536);
    }
    return this.ac16;
  }
  automaton8() {
    if (this.ac8 === null) this.ac8 = new AhoCorasick(this.subs.map((s) => s.bytes), 256);
    return this.ac8;
  }
  eval(input, pos) {
    switch (this.type) {
      case Prefilter2.Type.NONE:
        return true;
      case Prefilter2.Type.EXACT:
        return input.hasString(this, pos);
      case Prefilter2.Type.AND:
        for (let i = 0; i < this.subs.length; i++) if (!this.subs[i].eval(input, pos)) return false;
        return true;
      case Prefilter2.Type.OR:
        if (this.allExact) return input.hasAnyString(this, pos);
        for (let i = 0; i < this.subs.length; i++) if (this.subs[i].eval(input, pos)) return true;
        return false;
      default:
        return true;
    }
  }
};
var PrefilterTree = class PrefilterTree2 {
  static build(re) {
    if (!re) return new Prefilter(Prefilter.Type.NONE);
    return RegexpWalker.walk(re, PrefilterTree2.WALKER);
  }
  static WALKER = {
    leaf: (re) => PrefilterTree2.leaf(re),
    enter: (re) => PrefilterTree2.enter(re),
    child: (re, state, result) => PrefilterTree2.child(re, state, result),
    leave: (re, state) => PrefilterTree2.leave(re, state)
  };
  static leaf(re) {
    if (re.op !== Regexp.Op.LITERAL) return new Prefilter(Prefilter.Type.NONE);
    if (re.runes.length === 0 || (re.flags & RE2Flags.FOLD_CASE) !== 0) return new Prefilter(Prefilter.Type.NONE);
    let str = "";
    for (let i = 0; i < re.runes.length; i++) {
      if (Unicode.isUnsearchable(re.runes[i])) return new Prefilter(Prefilter.Type.NONE);
      str += String.fromCodePoint(re.runes[i]);
    }
    const pf = new Prefilter(Prefilter.Type.EXACT);
    pf.str = str;
    pf.bytes = Utils.stringToUtf8ByteArray(pf.str);
    return pf;
  }
  static enter(re) {
    switch (re.op) {
      case Regexp.Op.CAPTURE:
      case Regexp.Op.PLUS:
        return { sub: null };
      case Regexp.Op.REPEAT:
        if (re.min >= 1) return { sub: null };
        return { result: new Prefilter(Prefilter.Type.NONE) };
      case Regexp.Op.CONCAT:
        return {
          pf: new Prefilter(Prefilter.Type.AND),
          subs: []
        };
      case Regexp.Op.ALTERNATE:
        return {
          pf: new Prefilter(Prefilter.Type.OR),
          subs: []
        };
      default:
        return { result: new Prefilter(Prefilter.Type.NONE) };
    }
  }
  static child(re, state, s) {
    if (state.subs === void 0) {
      state.sub = s;
      return;
    }
    if (state.pf.type === Prefilter.Type.AND) {
      if (s.type === Prefilter.Type.NONE) return;
      if (s.type === Prefilter.Type.AND) {
        for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
        return;
      }
      state.subs.push(s);
      return;
    }
    if (s.type === Prefilter.Type.NONE) {
      state.result = new Prefilter(Prefilter.Type.NONE);
      return;
    }
    if (s.type === Prefilter.Type.OR) {
      for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
      return;
    }
    state.subs.push(s);
  }
  static leave(re, state) {
    if (state.subs === void 0) return state.sub;
    const pf = state.pf;
    const seen = /* @__PURE__ */ new Set();
    const subs = [];
    for (const sub of state.subs) {
      if (sub.type === Prefilter.Type.EXACT) {
        if (seen.has(sub.str)) continue;
        seen.add(sub.str);
      }
      subs.push(sub);
    }
    if (pf.type === Prefilter.Type.AND) {
      const kept = [];
      let cost2 = 0;
      for (const sub of subs) {
        if (cost2 + sub.cost > Prefilter.MAX_SCANS) continue;
        kept.push(sub);
        cost2 += sub.cost;
      }
      if (kept.length === 0) return new Prefilter(Prefilter.Type.NONE);
      if (kept.length === 1) return kept[0];
      pf.subs = kept;
      pf.cost = cost2;
      return pf;
    }
    if (subs.length === 0) return new Prefilter(Prefilter.Type.NONE);
    if (subs.length === 1) return subs[0];
    pf.subs = subs;
    let allExact = true;
    let cost = 0;
    let units = 0;
    for (const sub of subs) {
      if (sub.type !== Prefilter.Type.EXACT) allExact = false;
      else units += sub.bytes.length;
      cost += sub.cost;
    }
    if (allExact) {
      if (units > Prefilter.MAX_AC_UNITS) return new Prefilter(Prefilter.Type.NONE);
      pf.allExact = true;
      pf.cost = 1;
      return pf;
    }
    if (cost > Prefilter.MAX_SCANS) return new Prefilter(Prefilter.Type.NONE);
    pf.cost = cost;
    return pf;
  }
};
var PatchList = class {
  /**
  * @param {number} head - Encoded pointer to the start of the patch list.
  * @param {number} tail - Encoded pointer to the end of the patch list.
  */
  constructor(head2 = 0, tail = 0) {
    this.head = head2;
    this.tail = tail;
  }
};
var Prog = class {
  constructor() {
    this.inst = [];
    this.start = 0;
    this.numCap = 2;
    this.lbStarts = [];
    this.numLb = 0;
    this.lbInst = null;
  }
  getInst(pc) {
    return this.inst[pc];
  }
  numInst() {
    return this.inst.length;
  }
  addInst(op) {
    this.inst.push(new Inst(op));
  }
  markLookbehindInsts() {
    const lbInst = new Uint8Array(this.inst.length);
    const pending = this.lbStarts.slice();
    while (pending.length > 0) {
      const pc = pending.pop();
      if (pc === 0 || lbInst[pc] === 1) continue;
      lbInst[pc] = 1;
      const i = this.inst[pc];
      switch (i.op) {
        case Inst.ALT:
        case Inst.ALT_MATCH:
          pending.push(i.out, i.arg);
          break;
        case Inst.MATCH:
        case Inst.FAIL:
          break;
        default:
          pending.push(i.out);
      }
    }
    this.lbInst = lbInst;
  }
  skipNop(pc) {
    let i = this.inst[pc];
    while (i.op === Inst.NOP || i.op === Inst.CAPTURE) {
      i = this.inst[pc];
      pc = i.out;
    }
    return i;
  }
  /** @returns {[boolean, string]} */
  prefix() {
    let prefix = "";
    let i = this.skipNop(this.start);
    if (!Inst.isRuneOp(i.op) || i.runes.length !== 1) return [i.op === Inst.MATCH, prefix];
    while (Inst.isRuneOp(i.op) && i.runes.length === 1 && (i.arg & RE2Flags.FOLD_CASE) === 0 && !Unicode.isUnsearchable(i.runes[0])) {
      prefix += String.fromCodePoint(i.runes[0]);
      i = this.skipNop(i.out);
    }
    return [i.op === Inst.MATCH, prefix];
  }
  startCond() {
    let flag = 0;
    let pc = this.start;
    loop: for (; ; ) {
      const i = this.inst[pc];
      switch (i.op) {
        case Inst.EMPTY_WIDTH:
          flag |= i.arg;
          break;
        case Inst.FAIL:
          return -1;
        case Inst.CAPTURE:
        case Inst.NOP:
          break;
        default:
          break loop;
      }
      pc = i.out;
    }
    return flag;
  }
  patch(l, val) {
    let head2 = l.head;
    while (head2 !== 0) {
      const i = this.inst[head2 >> 1];
      if ((head2 & 1) === 0) {
        head2 = i.out;
        i.out = val;
      } else {
        head2 = i.arg;
        i.arg = val;
      }
    }
  }
  append(l1, l2) {
    if (l1.head === 0) return l2;
    if (l2.head === 0) return l1;
    const i = this.inst[l1.tail >> 1];
    if ((l1.tail & 1) === 0) i.out = l2.head;
    else i.arg = l2.head;
    return new PatchList(l1.head, l2.tail);
  }
  /**
  *
  * @returns {string}
  */
  toString() {
    let out = "";
    for (let pc = 0; pc < this.inst.length; pc++) {
      const len = out.length;
      out += pc;
      if (pc === this.start) out += "*";
      out += "        ".substring(out.length - len);
      out += this.inst[pc];
      out += "\n";
    }
    return out;
  }
};
var ANY_RUNE_NOT_NL = new Int32Array([
  0,
  Codepoint.CODES["\n"] - 1,
  Codepoint.CODES["\n"] + 1,
  Unicode.MAX_RUNE
]);
var ANY_RUNE = new Int32Array([0, Unicode.MAX_RUNE]);
var Frag = class {
  constructor(i = 0, out = new PatchList(), nullable = false) {
    this.i = i;
    this.out = out;
    this.nullable = nullable;
  }
};
var Compiler = class Compiler2 {
  static compileRegexp(re) {
    const c = new Compiler2();
    const f = c.compile(re);
    c.prog.patch(f.out, c.newInst(Inst.MATCH).i);
    c.prog.start = f.i;
    c.prog.markLookbehindInsts();
    return c.prog;
  }
  static compileSet(regexps) {
    const c = new Compiler2();
    if (regexps.length === 0) {
      c.prog.start = c.newInst(Inst.FAIL).i;
      c.prog.markLookbehindInsts();
      return c.prog;
    }
    let starts = [];
    for (let i = 0; i < regexps.length; i++) {
      c.lbOffset = c.prog.numLb;
      const f = c.compile(regexps[i]);
      const m = c.newInst(Inst.MATCH);
      c.prog.getInst(m.i).arg = i;
      c.prog.patch(f.out, m.i);
      starts.push(f.i);
    }
    let start = starts[0];
    for (let i = 1; i < starts.length; i++) {
      const f = c.newInst(Inst.ALT);
      const inst = c.prog.getInst(f.i);
      inst.out = start;
      inst.arg = starts[i];
      start = f.i;
    }
    c.prog.start = start;
    c.prog.markLookbehindInsts();
    return c.prog;
  }
  constructor() {
    this.prog = new Prog();
    this.newInst(Inst.FAIL);
    this.lbOffset = 0;
    this.runeCache = /* @__PURE__ */ new Map();
    this.walker = {
      leaf: (re) => this.leaf(re),
      enter: (re) => this.enter(re),
      child: (re, state, result) => this.child(re, state, result),
      leave: (re, state) => this.leave(re, state)
    };
  }
  newInst(op) {
    this.prog.addInst(op);
    return new Frag(this.prog.numInst() - 1, new PatchList(), true);
  }
  nop() {
    const f = this.newInst(Inst.NOP);
    f.out = new PatchList(f.i << 1, f.i << 1);
    return f;
  }
  fail() {
    return new Frag();
  }
  cap(arg) {
    const f = this.newInst(Inst.CAPTURE);
    f.out = new PatchList(f.i << 1, f.i << 1);
    this.prog.getInst(f.i).arg = arg;
    if (this.prog.numCap < arg + 1) this.prog.numCap = arg + 1;
    return f;
  }
  cat(f1, f2) {
    if (f1.i === 0 || f2.i === 0) {
      this.prog.patch(f1.out, 0);
      this.prog.patch(f2.out, 0);
      return this.fail();
    }
    this.prog.patch(f1.out, f2.i);
    return new Frag(f1.i, f2.out, f1.nullable && f2.nullable);
  }
  alt(f1, f2) {
    if (f1.i === 0) return f2;
    if (f2.i === 0) return f1;
    const f = this.newInst(Inst.ALT);
    const i = this.prog.getInst(f.i);
    i.out = f1.i;
    i.arg = f2.i;
    f.out = this.prog.append(f1.out, f2.out);
    f.nullable = f1.nullable || f2.nullable;
    return f;
  }
  loop(f1, nongreedy) {
    const f = this.newInst(Inst.ALT);
    const i = this.prog.getInst(f.i);
    if (nongreedy) {
      i.arg = f1.i;
      f.out = new PatchList(f.i << 1, f.i << 1);
    } else {
      i.out = f1.i;
      f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
    }
    this.prog.patch(f1.out, f.i);
    return f;
  }
  quest(f1, nongreedy) {
    if (f1.i === 0) return this.nop();
    const f = this.newInst(Inst.ALT);
    const i = this.prog.getInst(f.i);
    if (nongreedy) {
      i.arg = f1.i;
      f.out = new PatchList(f.i << 1, f.i << 1);
    } else {
      i.out = f1.i;
      f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
    }
    f.out = this.prog.append(f.out, f1.out);
    return f;
  }
  star(f1, nongreedy) {
    if (f1.i === 0) return this.nop();
    if (f1.nullable) return this.quest(this.plus(f1, nongreedy), nongreedy);
    return this.loop(f1, nongreedy);
  }
  plus(f1, nongreedy) {
    if (f1.i === 0) return this.fail();
    return new Frag(f1.i, this.loop(f1, nongreedy).out, f1.nullable);
  }
  empty(op) {
    const f = this.newInst(Inst.EMPTY_WIDTH);
    this.prog.getInst(f.i).arg = op;
    f.out = new PatchList(f.i << 1, f.i << 1);
    return f;
  }
  rune(runes, flags2) {
    const f = this.newInst(Inst.RUNE);
    f.nullable = false;
    const i = this.prog.getInst(f.i);
    i.runes = runes;
    flags2 &= RE2Flags.FOLD_CASE;
    if (runes.length !== 1 || Unicode.simpleFold(runes[0]) === runes[0]) flags2 &= ~RE2Flags.FOLD_CASE;
    i.arg = flags2;
    f.out = new PatchList(f.i << 1, f.i << 1);
    if ((flags2 & RE2Flags.FOLD_CASE) === 0 && runes.length === 1 || runes.length === 2 && runes[0] === runes[1]) i.op = Inst.RUNE1;
    else if (runes.length === 2 && runes[0] === 0 && runes[1] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY;
    else if (runes.length === 4 && runes[0] === 0 && runes[1] === Codepoint.CODES["\n"] - 1 && runes[2] === Codepoint.CODES["\n"] + 1 && runes[3] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY_NOT_NL;
    return f;
  }
  lookBehind(a, parsedLb) {
    const lb = Math.sign(parsedLb) * (Math.abs(parsedLb) + this.lbOffset);
    const id = this.newInst(Inst.LB_WRITE);
    this.prog.getInst(id.i).arg = lb;
    const any = this.rune(ANY_RUNE, 0);
    const dotStar = this.star(any, true);
    const lbAutomaton = this.cat(dotStar, a);
    this.prog.patch(lbAutomaton.out, id.i);
    const checkId = this.newInst(Inst.LB_CHECK);
    this.prog.getInst(checkId.i).arg = lb;
    this.prog.lbStarts.push(lbAutomaton.i);
    if (Math.abs(lb) > this.prog.numLb) this.prog.numLb = Math.abs(lb);
    checkId.out = new PatchList(checkId.i << 1, checkId.i << 1);
    return checkId;
  }
  compile(re) {
    return RegexpWalker.walk(re, this.walker);
  }
  leaf(re) {
    switch (re.op) {
      case Regexp.Op.NO_MATCH:
        return this.fail();
      case Regexp.Op.EMPTY_MATCH:
        return this.nop();
      case Regexp.Op.LITERAL: {
        if (re.runes.length === 0) return this.nop();
        let f = null;
        for (let r of re.runes) {
          let singleRune = this.runeCache.get(r);
          if (singleRune === void 0) {
            singleRune = new Int32Array([r]);
            this.runeCache.set(r, singleRune);
          }
          const f1 = this.rune(singleRune, re.flags);
          f = f === null ? f1 : this.cat(f, f1);
        }
        return f;
      }
      case Regexp.Op.CHAR_CLASS:
        return this.rune(re.runes, re.flags);
      case Regexp.Op.ANY_CHAR_NOT_NL:
        return this.rune(ANY_RUNE_NOT_NL, 0);
      case Regexp.Op.ANY_CHAR:
        return this.rune(ANY_RUNE, 0);
      case Regexp.Op.BEGIN_LINE:
        return this.empty(Utils.EMPTY_BEGIN_LINE);
      case Regexp.Op.END_LINE:
        return this.empty(Utils.EMPTY_END_LINE);
      case Regexp.Op.BEGIN_TEXT:
        return this.empty(Utils.EMPTY_BEGIN_TEXT);
      case Regexp.Op.END_TEXT:
        return this.empty(Utils.EMPTY_END_TEXT);
      case Regexp.Op.WORD_BOUNDARY:
        return this.empty(Utils.EMPTY_WORD_BOUNDARY);
      case Regexp.Op.NO_WORD_BOUNDARY:
        return this.empty(Utils.EMPTY_NO_WORD_BOUNDARY);
      case Regexp.Op.CONCAT:
      case Regexp.Op.ALTERNATE:
        return this.nop();
      default:
        throw new RE2JSCompileException("regexp: unhandled case in compile");
    }
  }
  enter(re) {
    switch (re.op) {
      case Regexp.Op.PLB:
      case Regexp.Op.NLB:
      case Regexp.Op.STAR:
      case Regexp.Op.PLUS:
      case Regexp.Op.QUEST:
        return { sub: null };
      case Regexp.Op.CAPTURE:
        return {
          bra: this.cap(re.cap << 1),
          sub: null
        };
      case Regexp.Op.CONCAT:
      case Regexp.Op.ALTERNATE:
        return { f: null };
      default:
        throw new RE2JSCompileException("regexp: unhandled case in compile");
    }
  }
  child(re, state, f1) {
    if (re.op === Regexp.Op.CONCAT) state.f = state.f === null ? f1 : this.cat(state.f, f1);
    else if (re.op === Regexp.Op.ALTERNATE) state.f = state.f === null ? f1 : this.alt(state.f, f1);
    else state.sub = f1;
  }
  leave(re, state) {
    switch (re.op) {
      case Regexp.Op.PLB:
      case Regexp.Op.NLB:
        return this.lookBehind(state.sub, re.lb);
      case Regexp.Op.CAPTURE: {
        const ket = this.cap(re.cap << 1 | 1);
        return this.cat(this.cat(state.bra, state.sub), ket);
      }
      case Regexp.Op.STAR:
        return this.star(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
      case Regexp.Op.PLUS:
        return this.plus(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
      case Regexp.Op.QUEST:
        return this.quest(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
      case Regexp.Op.CONCAT:
      case Regexp.Op.ALTERNATE:
        return state.f;
      default:
        throw new RE2JSCompileException("regexp: unhandled case in compile");
    }
  }
};
var Simplify = class Simplify2 {
  static simplify(re) {
    if (re === null) return null;
    return RegexpWalker.walk(re, Simplify2.WALKER);
  }
  static WALKER = {
    leaf: (re) => Simplify2.leaf(re),
    enter: (re) => Simplify2.enter(re),
    child: (re, state, result, i) => Simplify2.child(re, state, result, i),
    leave: (re, state) => Simplify2.leave(re, state)
  };
  static leaf(re) {
    if (re.op === Regexp.Op.CHAR_CLASS) {
      if (re.runes === null) return re;
      if (re.runes.length === 0) return new Regexp(Regexp.Op.NO_MATCH);
      if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR);
      if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR_NOT_NL);
    }
    return re;
  }
  static enter(re) {
    switch (re.op) {
      case Regexp.Op.PLB:
      case Regexp.Op.NLB:
      case Regexp.Op.CAPTURE:
      case Regexp.Op.STAR:
      case Regexp.Op.PLUS:
      case Regexp.Op.QUEST:
        return { sub: null };
      case Regexp.Op.CONCAT:
      case Regexp.Op.ALTERNATE:
        return {
          subs: [],
          changed: false
        };
      case Regexp.Op.REPEAT:
        if (re.min === 0 && re.max === 0) return { result: new Regexp(Regexp.Op.EMPTY_MATCH) };
        return { sub: null };
      default:
        return { result: re };
    }
  }
  static child(re, state, nsub, i) {
    if (state.subs === void 0) {
      state.sub = nsub;
      return;
    }
    if (nsub !== re.subs[i]) state.changed = true;
    if (re.op === Regexp.Op.CONCAT) {
      if (nsub.op === Regexp.Op.NO_MATCH) {
        state.result = new Regexp(Regexp.Op.NO_MATCH);
        return;
      }
      if (nsub.op === Regexp.Op.EMPTY_MATCH) {
        state.changed = true;
        return;
      }
      if (nsub.op === Regexp.Op.CONCAT) {
        state.changed = true;
        for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
        return;
      }
    } else {
      if (nsub.op === Regexp.Op.NO_MATCH) {
        state.changed = true;
        return;
      }
      if (nsub.op === Regexp.Op.ALTERNATE) {
        state.changed = true;
        for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
        return;
      }
    }
    state.subs.push(nsub);
  }
  static leave(re, state) {
    switch (re.op) {
      case Regexp.Op.PLB:
      case Regexp.Op.NLB:
      case Regexp.Op.CAPTURE: {
        const sub = state.sub;
        if (sub !== re.subs[0]) {
          const nre = Regexp.fromRegexp(re);
          nre.runes = /* @__PURE__ */ new Int32Array(0);
          nre.subs = [sub];
          return nre;
        }
        return re;
      }
      case Regexp.Op.CONCAT:
      case Regexp.Op.ALTERNATE:
        if (state.changed) {
          const newSubs = state.subs;
          if (newSubs.length === 0) return new Regexp(re.op === Regexp.Op.CONCAT ? Regexp.Op.EMPTY_MATCH : Regexp.Op.NO_MATCH);
          if (newSubs.length === 1) return newSubs[0];
          const nre = Regexp.fromRegexp(re);
          nre.runes = /* @__PURE__ */ new Int32Array(0);
          nre.subs = newSubs;
          return nre;
        }
        return re;
      case Regexp.Op.STAR:
      case Regexp.Op.PLUS:
      case Regexp.Op.QUEST:
        return Simplify2.simplify1(re.op, re.flags, state.sub, re);
      case Regexp.Op.REPEAT:
        return Simplify2.simplifyRepeat(re, state.sub);
      default:
        return re;
    }
  }
  static simplifyRepeat(re, sub) {
    if (re.max === -1) {
      if (re.min === 0) return Simplify2.simplify1(Regexp.Op.STAR, re.flags, sub, null);
      if (re.min === 1) return Simplify2.simplify1(Regexp.Op.PLUS, re.flags, sub, null);
      const subs = [];
      for (let i = 0; i < re.min - 1; i++) subs.push(sub);
      subs.push(Simplify2.simplify1(Regexp.Op.PLUS, re.flags, sub, null));
      return Simplify2.concat(subs);
    }
    if (re.min === 1 && re.max === 1) return sub;
    let prefixSubs = null;
    if (re.min > 0) {
      prefixSubs = [];
      for (let i = 0; i < re.min; i++) prefixSubs.push(sub);
    }
    if (re.max > re.min) {
      let suffix = Simplify2.simplify1(Regexp.Op.QUEST, re.flags, sub, null);
      for (let i = re.min + 1; i < re.max; i++) suffix = Simplify2.simplify1(Regexp.Op.QUEST, re.flags, Simplify2.concat([sub, suffix]), null);
      if (prefixSubs === null) return suffix;
      prefixSubs.push(suffix);
    }
    if (prefixSubs !== null) return Simplify2.concat(prefixSubs);
    return new Regexp(Regexp.Op.NO_MATCH);
  }
  static concat(subs) {
    const newSubs = [];
    for (let i = 0; i < subs.length; i++) {
      const sub = subs[i];
      if (sub.op === Regexp.Op.NO_MATCH) return new Regexp(Regexp.Op.NO_MATCH);
      if (sub.op === Regexp.Op.EMPTY_MATCH) continue;
      if (sub.op === Regexp.Op.CONCAT) {
        for (let j = 0; j < sub.subs.length; j++) newSubs.push(sub.subs[j]);
        continue;
      }
      newSubs.push(sub);
    }
    if (newSubs.length === 0) return new Regexp(Regexp.Op.EMPTY_MATCH);
    if (newSubs.length === 1) return newSubs[0];
    const nre = new Regexp(Regexp.Op.CONCAT);
    nre.subs = newSubs;
    return nre;
  }
  static simplify1(op, flags2, sub, re) {
    if (sub.op === Regexp.Op.EMPTY_MATCH) return sub;
    if (sub.op === Regexp.Op.NO_MATCH) {
      if (op === Regexp.Op.PLUS) return sub;
      return new Regexp(Regexp.Op.EMPTY_MATCH);
    }
    if (op === sub.op && (flags2 & RE2Flags.NON_GREEDY) === (sub.flags & RE2Flags.NON_GREEDY)) return sub;
    if (re !== null && re.op === op && (re.flags & RE2Flags.NON_GREEDY) === (flags2 & RE2Flags.NON_GREEDY) && sub === re.subs[0]) return re;
    const nre = new Regexp(op);
    nre.flags = flags2;
    nre.subs = [sub];
    return nre;
  }
};
var CharGroup = class {
  constructor(sign, cls) {
    this.sign = sign;
    this.cls = cls;
  }
};
var code1 = [48, 57];
var code2 = [
  9,
  10,
  12,
  13,
  32,
  32
];
var code3 = [
  48,
  57,
  65,
  90,
  95,
  95,
  97,
  122
];
var PERL_GROUPS = /* @__PURE__ */ new Map([
  ["\\d", new CharGroup(1, code1)],
  ["\\D", new CharGroup(-1, code1)],
  ["\\s", new CharGroup(1, code2)],
  ["\\S", new CharGroup(-1, code2)],
  ["\\w", new CharGroup(1, code3)],
  ["\\W", new CharGroup(-1, code3)]
]);
var code4 = [
  48,
  57,
  65,
  90,
  97,
  122
];
var code5 = [
  65,
  90,
  97,
  122
];
var code6 = [0, 127];
var code7 = [
  9,
  9,
  32,
  32
];
var code8 = [
  0,
  31,
  127,
  127
];
var code9 = [48, 57];
var code10 = [33, 126];
var code11 = [97, 122];
var code12 = [32, 126];
var code13 = [
  33,
  47,
  58,
  64,
  91,
  96,
  123,
  126
];
var code14 = [
  9,
  13,
  32,
  32
];
var code15 = [65, 90];
var code16 = [
  48,
  57,
  65,
  90,
  95,
  95,
  97,
  122
];
var code17 = [
  48,
  57,
  65,
  70,
  97,
  102
];
var POSIX_GROUPS = /* @__PURE__ */ new Map([
  ["[:alnum:]", new CharGroup(1, code4)],
  ["[:^alnum:]", new CharGroup(-1, code4)],
  ["[:alpha:]", new CharGroup(1, code5)],
  ["[:^alpha:]", new CharGroup(-1, code5)],
  ["[:ascii:]", new CharGroup(1, code6)],
  ["[:^ascii:]", new CharGroup(-1, code6)],
  ["[:blank:]", new CharGroup(1, code7)],
  ["[:^blank:]", new CharGroup(-1, code7)],
  ["[:cntrl:]", new CharGroup(1, code8)],
  ["[:^cntrl:]", new CharGroup(-1, code8)],
  ["[:digit:]", new CharGroup(1, code9)],
  ["[:^digit:]", new CharGroup(-1, code9)],
  ["[:graph:]", new CharGroup(1, code10)],
  ["[:^graph:]", new CharGroup(-1, code10)],
  ["[:lower:]", new CharGroup(1, code11)],
  ["[:^lower:]", new CharGroup(-1, code11)],
  ["[:print:]", new CharGroup(1, code12)],
  ["[:^print:]", new CharGroup(-1, code12)],
  ["[:punct:]", new CharGroup(1, code13)],
  ["[:^punct:]", new CharGroup(-1, code13)],
  ["[:space:]", new CharGroup(1, code14)],
  ["[:^space:]", new CharGroup(-1, code14)],
  ["[:upper:]", new CharGroup(1, code15)],
  ["[:^upper:]", new CharGroup(-1, code15)],
  ["[:word:]", new CharGroup(1, code16)],
  ["[:^word:]", new CharGroup(-1, code16)],
  ["[:xdigit:]", new CharGroup(1, code17)],
  ["[:^xdigit:]", new CharGroup(-1, code17)]
]);
var CharClass = class CharClass2 {
  static charClassToString(r, len) {
    let result = "[";
    for (let i = 0; i < len; i += 2) {
      if (i > 0) result += " ";
      const lo = r[i];
      const hi = r[i + 1];
      if (lo === hi) result += `0x${lo.toString(16)}`;
      else result += `0x${lo.toString(16)}-0x${hi.toString(16)}`;
    }
    result += "]";
    return result;
  }
  static sortRanges(array, len) {
    const n = len >> 1;
    const order = new Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => array[2 * a] - array[2 * b] || array[2 * b + 1] - array[2 * a + 1]);
    const sorted = array.slice(0, len);
    for (let i = 0; i < n; i++) {
      array[2 * i] = sorted[2 * order[i]];
      array[2 * i + 1] = sorted[2 * order[i] + 1];
    }
  }
  /**
  * @param {number[]|Int32Array} [r]
  */
  constructor(r = Utils.emptyInts()) {
    this.r = r;
    this.len = r.length;
  }
  toArray() {
    if (this.r instanceof Int32Array) return this.len === this.r.length ? this.r : this.r.subarray(0, this.len);
    return new Int32Array(this.len === this.r.length ? this.r : this.r.slice(0, this.len));
  }
  toGrowableArray() {
    if (Array.isArray(this.r)) {
      this.r.length = this.len;
      return this.r;
    }
    return Array.from(this.r.subarray(0, this.len));
  }
  cleanClass() {
    if (this.len < 4) return this;
    CharClass2.sortRanges(this.r, this.len);
    let w = 2;
    for (let i = 2; i < this.len; i += 2) {
      const lo = this.r[i];
      const hi = this.r[i + 1];
      if (lo <= this.r[w - 1] + 1) {
        if (hi > this.r[w - 1]) this.r[w - 1] = hi;
        continue;
      }
      this.r[w] = lo;
      this.r[w + 1] = hi;
      w += 2;
    }
    this.len = w;
    return this;
  }
  appendLiteral(x, flags2) {
    return (flags2 & RE2Flags.FOLD_CASE) !== 0 ? this.appendFoldedRange(x, x) : this.appendRange(x, x);
  }
  appendRange(lo, hi) {
    if (this.len > 0) {
      for (let i = 2; i <= 4; i += 2) if (this.len >= i) {
        const rlo = this.r[this.len - i];
        const rhi = this.r[this.len - i + 1];
        if (lo <= rhi + 1 && rlo <= hi + 1) {
          if (lo < rlo) this.r[this.len - i] = lo;
          if (hi > rhi) this.r[this.len - i + 1] = hi;
          return this;
        }
      }
    }
    this.r[this.len++] = lo;
    this.r[this.len++] = hi;
    return this;
  }
  appendFoldedRange(lo, hi) {
    if (lo <= Unicode.MIN_FOLD && hi >= Unicode.MAX_FOLD) return this.appendRange(lo, hi);
    if (hi < Unicode.MIN_FOLD || lo > Unicode.MAX_FOLD) return this.appendRange(lo, hi);
    if (lo < Unicode.MIN_FOLD) {
      this.appendRange(lo, Unicode.MIN_FOLD - 1);
      lo = Unicode.MIN_FOLD;
    }
    if (hi > Unicode.MAX_FOLD) {
      this.appendRange(Unicode.MAX_FOLD + 1, hi);
      hi = Unicode.MAX_FOLD;
    }
    for (let c = lo; c <= hi; c++) {
      this.appendRange(c, c);
      for (let f = Unicode.simpleFold(c); f !== c; f = Unicode.simpleFold(f)) this.appendRange(f, f);
    }
    return this;
  }
  appendClass(x) {
    for (let i = 0; i < x.length; i += 2) this.appendRange(x[i], x[i + 1]);
    return this;
  }
  appendFoldedClass(x) {
    for (let i = 0; i < x.length; i += 2) this.appendFoldedRange(x[i], x[i + 1]);
    return this;
  }
  appendNegatedClass(x) {
    let nextLo = 0;
    for (let i = 0; i < x.length; i += 2) {
      const lo = x[i];
      const hi = x[i + 1];
      if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
      nextLo = hi + 1;
    }
    if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
    return this;
  }
  appendTable(table) {
    for (let i = 0; i < table.length; ++i) {
      const lo = table.getLo(i);
      const hi = table.getHi(i);
      const stride = table.getStride(i);
      if (stride === 1) {
        this.appendRange(lo, hi);
        continue;
      }
      for (let c = lo; c <= hi; c += stride) this.appendRange(c, c);
    }
    return this;
  }
  appendNegatedTable(table) {
    let nextLo = 0;
    for (let i = 0; i < table.length; ++i) {
      const lo = table.getLo(i);
      const hi = table.getHi(i);
      const stride = table.getStride(i);
      if (stride === 1) {
        if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
        nextLo = hi + 1;
        continue;
      }
      for (let c = lo; c <= hi; c += stride) {
        if (nextLo <= c - 1) this.appendRange(nextLo, c - 1);
        nextLo = c + 1;
      }
    }
    if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
    return this;
  }
  appendTableWithSign(table, sign) {
    return sign < 0 ? this.appendNegatedTable(table) : this.appendTable(table);
  }
  negateClass() {
    let nextLo = 0;
    let w = 0;
    for (let i = 0; i < this.len; i += 2) {
      const lo = this.r[i];
      const hi = this.r[i + 1];
      if (nextLo <= lo - 1) {
        this.r[w] = nextLo;
        this.r[w + 1] = lo - 1;
        w += 2;
      }
      nextLo = hi + 1;
    }
    this.len = w;
    if (nextLo <= Unicode.MAX_RUNE) {
      this.r[this.len++] = nextLo;
      this.r[this.len++] = Unicode.MAX_RUNE;
    }
    return this;
  }
  appendClassWithSign(x, sign) {
    return sign < 0 ? this.appendNegatedClass(x) : this.appendClass(x);
  }
  appendGroup(g, foldCase) {
    let cls = g.cls;
    if (foldCase) cls = new CharClass2().appendFoldedClass(cls).cleanClass().toArray();
    return this.appendClassWithSign(cls, g.sign);
  }
  toString() {
    return CharClass2.charClassToString(this.r, this.len);
  }
};
var StringIterator = class {
  constructor(str) {
    this.str = str;
    this.position = 0;
  }
  pos() {
    return this.position;
  }
  rewindTo(pos) {
    this.position = pos;
  }
  more() {
    return this.position < this.str.length;
  }
  peek() {
    return this.str.codePointAt(this.position);
  }
  skip(n) {
    this.position += n;
  }
  skipString(s) {
    this.position += s.length;
  }
  pop() {
    const r = this.str.codePointAt(this.position);
    this.position += Utils.charCount(r);
    return r;
  }
  lookingAt(s) {
    return this.str.startsWith(s, this.position);
  }
  rest() {
    return this.str.substring(this.position);
  }
  from(beforePos) {
    return this.str.substring(beforePos, this.position);
  }
  toString() {
    return this.rest();
  }
};
var Parser = class Parser2 {
  static ERR_INTERNAL_ERROR = "regexp/syntax: internal error";
  static ERR_INVALID_CHAR_RANGE = "invalid character class range";
  static ERR_INVALID_ESCAPE = "invalid escape sequence";
  static ERR_INVALID_NAMED_CAPTURE = "invalid named capture";
  static ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax";
  static ERR_INVALID_REPEAT_OP = "invalid nested repetition operator";
  static ERR_INVALID_REPEAT_SIZE = "invalid repeat count";
  static ERR_MISSING_BRACKET = "missing closing ]";
  static ERR_MISSING_PAREN = "missing closing )";
  static ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator";
  static ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression";
  static ERR_DUPLICATE_NAMED_CAPTURE = "duplicate capture group name";
  static ERR_UNEXPECTED_PAREN = "unexpected )";
  static ERR_NESTING_DEPTH = "expression nests too deeply";
  static ERR_LARGE = "expression too large";
  static ERR_INVALID_CAPTURE_IN_LOOKBEHIND = "invalid capture in lookbehind";
  static MAX_HEIGHT = 1e3;
  static MAX_SIZE = 1398101;
  static MAX_RUNES = 33554432;
  static ANY_TABLE = new UnicodeRangeTable(new Uint32Array([
    0,
    Unicode.MAX_RUNE,
    1
  ]));
  static ASCII_TABLE = new UnicodeRangeTable(new Uint32Array([
    0,
    127,
    1
  ]));
  static ASCII_FOLD_TABLE = new UnicodeRangeTable(new Uint32Array([
    0,
    127,
    1,
    383,
    383,
    1,
    8490,
    8490,
    1
  ]));
  static unicodeTable(name) {
    if (name === "Any") return {
      tab: Parser2.ANY_TABLE,
      fold: Parser2.ANY_TABLE,
      sign: 1
    };
    if (name === "Ascii") return {
      tab: Parser2.ASCII_TABLE,
      fold: Parser2.ASCII_FOLD_TABLE,
      sign: 1
    };
    if (name === "Assigned") return {
      tab: UnicodeTables.CATEGORIES.get("Cn"),
      fold: UnicodeTables.CATEGORIES.get("Cn"),
      sign: -1
    };
    if (name === "Lc") return {
      tab: UnicodeTables.CATEGORIES.get("LC"),
      fold: UnicodeTables.FOLD_CATEGORIES.get("LC"),
      sign: 1
    };
    if (UnicodeTables.CATEGORIES.has(name)) return {
      tab: UnicodeTables.CATEGORIES.get(name),
      fold: UnicodeTables.FOLD_CATEGORIES.get(name),
      sign: 1
    };
    if (UnicodeTables.SCRIPTS.has(name)) return {
      tab: UnicodeTables.SCRIPTS.get(name),
      fold: UnicodeTables.FOLD_SCRIPT.get(name),
      sign: 1
    };
    return null;
  }
  static minFoldRune(r) {
    if (r < Unicode.MIN_FOLD || r > Unicode.MAX_FOLD) return r;
    let min = r;
    const r0 = r;
    for (r = Unicode.simpleFold(r); r !== r0; r = Unicode.simpleFold(r)) if (min > r) min = r;
    return min;
  }
  static leadingRegexp(re) {
    if (re.op === Regexp.Op.EMPTY_MATCH) return null;
    if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
      const sub = re.subs[0];
      if (sub.op === Regexp.Op.EMPTY_MATCH) return null;
      return sub;
    }
    return re;
  }
  static literalRegexp(s, flags2) {
    const re = new Regexp(Regexp.Op.LITERAL);
    re.flags = flags2;
    re.runes = Utils.stringToRunes(s);
    return re;
  }
  /**
  * Parse regular expression pattern {@code pattern} with mode flags {@code flags}.
  * @param {string} pattern
  * @param {number} flags
  */
  static parse(pattern, flags2) {
    return new Parser2(pattern, flags2).parseInternal();
  }
  static parseRepeat(t) {
    const start = t.pos();
    if (!t.more() || !t.lookingAt("{")) return -1;
    t.skip(1);
    const min = Parser2.parseInt(t);
    if (min === -1) return -1;
    if (!t.more()) return -1;
    let max;
    if (!t.lookingAt(",")) max = min;
    else {
      t.skip(1);
      if (!t.more()) return -1;
      if (t.lookingAt("}")) max = -1;
      else if ((max = Parser2.parseInt(t)) === -1) return -1;
    }
    if (!t.more() || !t.lookingAt("}")) return -1;
    t.skip(1);
    if (min < 0 || min > 1e3 || max === -2 || max > 1e3 || max >= 0 && min > max) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_REPEAT_SIZE, t.from(start));
    return min << 16 | max & Unicode.MAX_BMP;
  }
  static isValidCaptureName(name) {
    if (name.length === 0) return false;
    for (let i = 0; i < name.length; i++) {
      const c = name.codePointAt(i);
      if (c !== Codepoint.CODES["_"] && !Utils.isalnum(c)) return false;
    }
    return true;
  }
  static parseInt(t) {
    const start = t.pos();
    while (t.more() && t.peek() >= Codepoint.CODES["0"] && t.peek() <= Codepoint.CODES["9"]) t.skip(1);
    const n = t.from(start);
    if (n.length === 0 || n.length > 1 && n.codePointAt(0) === Codepoint.CODES["0"]) return -1;
    if (n.length > 8) return -2;
    return parseInt(n, 10);
  }
  static isCharClass(re) {
    return re.op === Regexp.Op.LITERAL && re.runes.length === 1 || re.op === Regexp.Op.CHAR_CLASS || re.op === Regexp.Op.ANY_CHAR_NOT_NL || re.op === Regexp.Op.ANY_CHAR;
  }
  static matchRune(re, r) {
    switch (re.op) {
      case Regexp.Op.LITERAL:
        return re.runes.length === 1 && re.runes[0] === r;
      case Regexp.Op.CHAR_CLASS:
        for (let i = 0; i < re.runes.length; i += 2) if (re.runes[i] <= r && r <= re.runes[i + 1]) return true;
        return false;
      case Regexp.Op.ANY_CHAR_NOT_NL:
        return r !== Codepoint.CODES["\n"];
      case Regexp.Op.ANY_CHAR:
        return true;
    }
    return false;
  }
  static mergeCharClass(dst, src) {
    switch (dst.op) {
      case Regexp.Op.ANY_CHAR:
        break;
      case Regexp.Op.ANY_CHAR_NOT_NL:
        if (Parser2.matchRune(src, Codepoint.CODES["\n"])) dst.op = Regexp.Op.ANY_CHAR;
        break;
      case Regexp.Op.CHAR_CLASS: {
        const cc = new CharClass(Array.isArray(dst.runes) ? dst.runes : Array.from(dst.runes));
        if (src.op === Regexp.Op.LITERAL) cc.appendLiteral(src.runes[0], src.flags);
        else cc.appendClass(src.runes);
        dst.runes = cc.toGrowableArray();
        break;
      }
      case Regexp.Op.LITERAL:
        if (src.runes[0] === dst.runes[0] && src.flags === dst.flags) break;
        dst.op = Regexp.Op.CHAR_CLASS;
        dst.runes = new CharClass().appendLiteral(dst.runes[0], dst.flags).appendLiteral(src.runes[0], src.flags).toGrowableArray();
    }
  }
  static parseEscape(t) {
    const startPos = t.pos();
    t.skip(1);
    if (!t.more()) throw new RE2JSSyntaxException(Parser2.ERR_TRAILING_BACKSLASH);
    let c = t.pop();
    bigswitch: switch (c) {
      case Codepoint.CODES["1"]:
      case Codepoint.CODES["2"]:
      case Codepoint.CODES["3"]:
      case Codepoint.CODES["4"]:
      case Codepoint.CODES["5"]:
      case Codepoint.CODES["6"]:
      case Codepoint.CODES["7"]:
        if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
      case Codepoint.CODES["0"]: {
        let r = c - Codepoint.CODES["0"];
        for (let i = 1; i < 3; i++) {
          if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
          r = r * 8 + t.peek() - Codepoint.CODES["0"];
          t.skip(1);
        }
        return r;
      }
      case Codepoint.CODES["x"]: {
        if (!t.more()) break;
        c = t.pop();
        if (c === Codepoint.CODES["{"]) {
          let nhex = 0;
          let r = 0;
          while (true) {
            if (!t.more()) break bigswitch;
            c = t.pop();
            if (c === Codepoint.CODES["}"]) break;
            const v = Utils.unhex(c);
            if (v < 0) break bigswitch;
            r = r * 16 + v;
            if (r > Unicode.MAX_RUNE) break bigswitch;
            nhex++;
          }
          if (nhex === 0) break bigswitch;
          return r;
        }
        const x = Utils.unhex(c);
        if (!t.more()) break;
        c = t.pop();
        const y = Utils.unhex(c);
        if (x < 0 || y < 0) break;
        return x * 16 + y;
      }
      case Codepoint.CODES["a"]:
        return Codepoint.CODES["\x07"];
      case Codepoint.CODES["f"]:
        return Codepoint.CODES["\f"];
      case Codepoint.CODES["n"]:
        return Codepoint.CODES["\n"];
      case Codepoint.CODES["r"]:
        return Codepoint.CODES["\r"];
      case Codepoint.CODES["t"]:
        return Codepoint.CODES["	"];
      case Codepoint.CODES["v"]:
        return Codepoint.CODES["\v"];
      default:
        if (c <= Unicode.MAX_ASCII && !Utils.isalnum(c)) return c;
    }
    throw new RE2JSSyntaxException(Parser2.ERR_INVALID_ESCAPE, t.from(startPos));
  }
  static parseClassChar(t, wholeClassPos) {
    if (!t.more()) throw new RE2JSSyntaxException(Parser2.ERR_MISSING_BRACKET, t.from(wholeClassPos));
    if (t.lookingAt("\\")) return Parser2.parseEscape(t);
    return t.pop();
  }
  static hasCapture(re) {
    if (re === null) return false;
    if (re.op === Regexp.Op.CAPTURE) return true;
    if (re.subs) {
      for (let sub of re.subs) if (Parser2.hasCapture(sub)) return true;
    }
    return false;
  }
  constructor(wholeRegexp, flags2 = 0) {
    this.wholeRegexp = wholeRegexp;
    this.flags = flags2;
    this.numCap = 0;
    this.namedGroups = /* @__PURE__ */ Object.create(null);
    this.stack = [];
    this.free = null;
    this.numRegexp = 0;
    this.numRunes = 0;
    this.repeats = 0;
    this.height = null;
    this.size = null;
    this.nlb = 0;
  }
  newRegexp(op) {
    let re = this.free;
    if (re !== null && re.subs !== null && re.subs.length > 0) {
      this.free = re.subs[0];
      re.reinit();
      re.op = op;
    } else {
      re = new Regexp(op);
      this.numRegexp += 1;
    }
    return re;
  }
  reuse(re) {
    if (this.height !== null && this.height.has(re)) this.height.delete(re);
    if (re.subs !== null && re.subs.length > 0) re.subs[0] = this.free;
    this.free = re;
  }
  checkLimits(re) {
    if (this.numRunes > Parser2.MAX_RUNES) throw new RE2JSSyntaxException(Parser2.ERR_LARGE);
    this.checkSize(re);
    this.checkHeight(re);
  }
  checkSize(re) {
    if (this.size === null) {
      if (this.repeats === 0) this.repeats = 1;
      if (re.op === Regexp.Op.REPEAT) {
        let n = re.max;
        if (n === -1) n = re.min;
        if (n <= 0) n = 1;
        if (n > Math.floor(Parser2.MAX_SIZE / this.repeats)) this.repeats = Parser2.MAX_SIZE;
        else this.repeats *= n;
      }
      if (this.numRegexp < Math.floor(Parser2.MAX_SIZE / this.repeats)) return;
      this.size = /* @__PURE__ */ new Map();
      for (let reEx of this.stack) this.checkSize(reEx);
    }
    if (this.calcSize(re, true) > Parser2.MAX_SIZE) throw new RE2JSSyntaxException(Parser2.ERR_LARGE);
  }
  calcSize(re, force = false) {
    if (!force && this.size !== null) {
      if (this.size.has(re)) return this.size.get(re);
    }
    let size = 0;
    switch (re.op) {
      case Regexp.Op.LITERAL:
        size = re.runes.length;
        break;
      case Regexp.Op.PLB:
      case Regexp.Op.NLB:
      case Regexp.Op.CAPTURE:
      case Regexp.Op.STAR:
        size = 2 + this.calcSize(re.subs[0]);
        break;
      case Regexp.Op.PLUS:
      case Regexp.Op.QUEST:
        size = 1 + this.calcSize(re.subs[0]);
        break;
      case Regexp.Op.CONCAT:
        for (let sub of re.subs) size = size + this.calcSize(sub);
        break;
      case Regexp.Op.ALTERNATE:
        for (let sub of re.subs) size = size + this.calcSize(sub);
        if (re.subs.length > 1) size = size + re.subs.length - 1;
        break;
      case Regexp.Op.REPEAT: {
        let sub = this.calcSize(re.subs[0]);
        if (re.max === -1) {
          if (re.min === 0) size = 2 + sub;
          else size = 1 + re.min * sub;
          break;
        }
        size = re.max * sub + (re.max - re.min);
        break;
      }
    }
    size = Math.max(1, size);
    if (this.size === null) this.size = /* @__PURE__ */ new Map();
    this.size.set(re, size);
    return size;
  }
  checkHeight(re) {
    if (this.numRegexp < Parser2.MAX_HEIGHT) return;
    if (this.height === null) {
      this.height = /* @__PURE__ */ new Map();
      for (let reEx of this.stack) this.checkHeight(reEx);
    }
    if (this.calcHeight(re, true) > Parser2.MAX_HEIGHT) throw new RE2JSSyntaxException(Parser2.ERR_NESTING_DEPTH);
  }
  calcHeight(re, force = false) {
    if (!force && this.height !== null) {
      if (this.height.has(re)) return this.height.get(re);
    }
    let h = 1;
    for (let sub of re.subs) {
      const hsub = this.calcHeight(sub);
      if (h < 1 + hsub) h = 1 + hsub;
    }
    if (this.height === null) this.height = /* @__PURE__ */ new Map();
    this.height.set(re, h);
    return h;
  }
  pop() {
    return this.stack.pop();
  }
  popToPseudo() {
    const n = this.stack.length;
    let i = n;
    while (i > 0 && !Regexp.isPseudoOp(this.stack[i - 1].op)) i--;
    return this.stack.splice(i, n - i);
  }
  push(re) {
    this.numRunes += re.runes.length;
    if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] === re.runes[1]) {
      if (this.maybeConcat(re.runes[0], this.flags & ~RE2Flags.FOLD_CASE)) return null;
      re.op = Regexp.Op.LITERAL;
      re.runes = [re.runes[0]];
      re.flags = this.flags & ~RE2Flags.FOLD_CASE;
    } else if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 4 && re.runes[0] === re.runes[1] && re.runes[2] === re.runes[3] && Unicode.simpleFold(re.runes[0]) === re.runes[2] && Unicode.simpleFold(re.runes[2]) === re.runes[0] || re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] + 1 === re.runes[1] && Unicode.simpleFold(re.runes[0]) === re.runes[1] && Unicode.simpleFold(re.runes[1]) === re.runes[0]) {
      if (this.maybeConcat(re.runes[0], this.flags | RE2Flags.FOLD_CASE)) return null;
      re.op = Regexp.Op.LITERAL;
      re.runes = [re.runes[0]];
      re.flags = this.flags | RE2Flags.FOLD_CASE;
    } else this.maybeConcat(-1, 0);
    this.stack.push(re);
    this.checkLimits(re);
    return re;
  }
  maybeConcat(r, flags2) {
    const n = this.stack.length;
    if (n < 2) return false;
    const re1 = this.stack[n - 1];
    const re2 = this.stack[n - 2];
    if (re1.op !== Regexp.Op.LITERAL || re2.op !== Regexp.Op.LITERAL || (re1.flags & RE2Flags.FOLD_CASE) !== (re2.flags & RE2Flags.FOLD_CASE)) return false;
    if (!Array.isArray(re2.runes)) re2.runes = Array.from(re2.runes);
    for (let i = 0; i < re1.runes.length; i++) re2.runes.push(re1.runes[i]);
    if (r >= 0) {
      re1.runes = [r];
      re1.flags = flags2;
      return true;
    }
    this.pop();
    this.reuse(re1);
    return false;
  }
  newLiteral(r, flags2) {
    const re = this.newRegexp(Regexp.Op.LITERAL);
    re.flags = flags2;
    if ((flags2 & RE2Flags.FOLD_CASE) !== 0) r = Parser2.minFoldRune(r);
    re.runes = [r];
    return re;
  }
  literal(r) {
    this.push(this.newLiteral(r, this.flags));
  }
  op(op) {
    const re = this.newRegexp(op);
    re.flags = this.flags;
    return this.push(re);
  }
  repeat(op, min, max, beforePos, t, lastRepeatPos) {
    let flags2 = this.flags;
    if ((flags2 & RE2Flags.PERL_X) !== 0) {
      if (t.more() && t.lookingAt("?")) {
        t.skip(1);
        flags2 ^= RE2Flags.NON_GREEDY;
      }
      if (lastRepeatPos !== -1) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_REPEAT_OP, t.from(lastRepeatPos));
    }
    const n = this.stack.length;
    if (n === 0) throw new RE2JSSyntaxException(Parser2.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
    const sub = this.stack[n - 1];
    if (Regexp.isPseudoOp(sub.op)) throw new RE2JSSyntaxException(Parser2.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
    const re = this.newRegexp(op);
    re.min = min;
    re.max = max;
    re.flags = flags2;
    re.subs = [sub];
    this.stack[n - 1] = re;
    this.checkLimits(re);
    if (op === Regexp.Op.REPEAT && (min >= 2 || max >= 2) && !this.repeatIsValid(re, 1e3)) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_REPEAT_SIZE, t.from(beforePos));
  }
  repeatIsValid(re, n) {
    if (re.op === Regexp.Op.REPEAT) {
      let m = re.max;
      if (m === 0) return true;
      if (m < 0) m = re.min;
      if (m > n) return false;
      if (m > 0) n = Math.trunc(n / m);
    }
    for (let sub of re.subs) if (!this.repeatIsValid(sub, n)) return false;
    return true;
  }
  concat() {
    this.maybeConcat(-1, 0);
    const subs = this.popToPseudo();
    if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.EMPTY_MATCH));
    return this.push(this.collapse(subs, Regexp.Op.CONCAT));
  }
  alternate() {
    const subs = this.popToPseudo();
    if (subs.length > 0) this.cleanAlt(subs[subs.length - 1]);
    if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.NO_MATCH));
    return this.push(this.collapse(subs, Regexp.Op.ALTERNATE));
  }
  cleanAlt(re) {
    if (re.op === Regexp.Op.CHAR_CLASS) {
      re.runes = new CharClass(Array.from(re.runes)).cleanClass().toArray();
      if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) {
        re.runes = /* @__PURE__ */ new Int32Array(0);
        re.op = Regexp.Op.ANY_CHAR;
      } else if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) {
        re.runes = /* @__PURE__ */ new Int32Array(0);
        re.op = Regexp.Op.ANY_CHAR_NOT_NL;
      }
    }
  }
  collapse(subs, op) {
    if (subs.length === 1) return subs[0];
    let len = 0;
    for (let sub of subs) len += sub.op === op ? sub.subs.length : 1;
    let newsubs = new Array(len).fill(null);
    let i = 0;
    for (let sub of subs) if (sub.op === op) {
      for (let j = 0; j < sub.subs.length; j++) newsubs[i++] = sub.subs[j];
      this.reuse(sub);
    } else newsubs[i++] = sub;
    let re = this.newRegexp(op);
    re.subs = newsubs;
    if (op === Regexp.Op.ALTERNATE) {
      re.subs = this.factor(re.subs);
      if (re.subs.length === 1) {
        const old = re;
        re = re.subs[0];
        this.reuse(old);
      }
    }
    return re;
  }
  factor(array) {
    if (array.length < 2) return array;
    let s = 0;
    let lensub = array.length;
    let lenout = 0;
    let str = null;
    let strlen = 0;
    let strflags = 0;
    let start = 0;
    for (let i = 0; i <= lensub; i++) {
      let istr = null;
      let istrlen = 0;
      let iflags = 0;
      if (i < lensub) {
        let re = array[s + i];
        if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) re = re.subs[0];
        if (re.op === Regexp.Op.LITERAL) {
          istr = re.runes;
          istrlen = re.runes.length;
          iflags = re.flags & RE2Flags.FOLD_CASE;
        }
        if (iflags === strflags) {
          let same = 0;
          while (same < strlen && same < istrlen && str[same] === istr[same]) same++;
          if (same > 0) {
            strlen = same;
            continue;
          }
        }
      }
      if (i === start) {
      } else if (i === start + 1) array[lenout++] = array[s + start];
      else {
        const prefix = this.newRegexp(Regexp.Op.LITERAL);
        prefix.flags = strflags;
        prefix.runes = str.slice(0, strlen);
        for (let j = start; j < i; j++) {
          array[s + j] = this.removeLeadingString(array[s + j], strlen);
          this.checkLimits(array[s + j]);
        }
        const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
        const re = this.newRegexp(Regexp.Op.CONCAT);
        re.subs = [prefix, suffix];
        array[lenout++] = re;
      }
      start = i;
      str = istr;
      strlen = istrlen;
      strflags = iflags;
    }
    lensub = lenout;
    s = 0;
    start = 0;
    lenout = 0;
    let first = null;
    for (let i = 0; i <= lensub; i++) {
      let ifirst = null;
      if (i < lensub) {
        ifirst = Parser2.leadingRegexp(array[s + i]);
        if (first !== null && first.equals(ifirst) && (Parser2.isCharClass(first) || first.op === Regexp.Op.REPEAT && first.min === first.max && Parser2.isCharClass(first.subs[0]))) continue;
      }
      if (i === start) {
      } else if (i === start + 1) array[lenout++] = array[s + start];
      else {
        const prefix = first;
        for (let j = start; j < i; j++) {
          const reuse = j !== start;
          array[s + j] = this.removeLeadingRegexp(array[s + j], reuse);
          this.checkLimits(array[s + j]);
        }
        const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
        const re = this.newRegexp(Regexp.Op.CONCAT);
        re.subs = [prefix, suffix];
        array[lenout++] = re;
      }
      start = i;
      first = ifirst;
    }
    lensub = lenout;
    s = 0;
    start = 0;
    lenout = 0;
    for (let i = 0; i <= lensub; i++) {
      if (i < lensub && Parser2.isCharClass(array[s + i])) continue;
      if (i === start) {
      } else if (i === start + 1) array[lenout++] = array[s + start];
      else {
        let max = start;
        for (let j = start + 1; j < i; j++) {
          const subMax = array[s + max];
          const subJ = array[s + j];
          if (subMax.op < subJ.op || subMax.op === subJ.op && (subMax.runes !== null ? subMax.runes.length : 0) < (subJ.runes !== null ? subJ.runes.length : 0)) max = j;
        }
        const tmp = array[s + start];
        array[s + start] = array[s + max];
        array[s + max] = tmp;
        for (let j = start + 1; j < i; j++) {
          Parser2.mergeCharClass(array[s + start], array[s + j]);
          this.reuse(array[s + j]);
        }
        this.cleanAlt(array[s + start]);
        array[lenout++] = array[s + start];
      }
      if (i < lensub) array[lenout++] = array[s + i];
      start = i + 1;
    }
    lensub = lenout;
    s = 0;
    start = 0;
    lenout = 0;
    for (let i = 0; i < lensub; ++i) {
      if (i + 1 < lensub && array[s + i].op === Regexp.Op.EMPTY_MATCH && array[s + i + 1].op === Regexp.Op.EMPTY_MATCH) continue;
      array[lenout++] = array[s + i];
    }
    lensub = lenout;
    s = 0;
    return array.slice(s, lensub);
  }
  removeLeadingString(re, n) {
    if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
      const sub = this.removeLeadingString(re.subs[0], n);
      re.subs[0] = sub;
      if (sub.op === Regexp.Op.EMPTY_MATCH) {
        this.reuse(sub);
        switch (re.subs.length) {
          case 0:
          case 1:
            re.op = Regexp.Op.EMPTY_MATCH;
            re.subs = Regexp.emptySubs();
            break;
          case 2: {
            const old = re;
            re = re.subs[1];
            this.reuse(old);
            break;
          }
          default:
            re.subs = re.subs.slice(1, re.subs.length);
        }
      }
      return re;
    }
    if (re.op === Regexp.Op.LITERAL) {
      re.runes = re.runes.slice(n, re.runes.length);
      if (re.runes.length === 0) re.op = Regexp.Op.EMPTY_MATCH;
    }
    return re;
  }
  removeLeadingRegexp(re, reuse) {
    if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
      if (reuse) this.reuse(re.subs[0]);
      re.subs = re.subs.slice(1, re.subs.length);
      switch (re.subs.length) {
        case 0:
          re.op = Regexp.Op.EMPTY_MATCH;
          re.subs = Regexp.emptySubs();
          break;
        case 1: {
          const old = re;
          re = re.subs[0];
          this.reuse(old);
          break;
        }
      }
      return re;
    }
    if (reuse) this.reuse(re);
    return this.newRegexp(Regexp.Op.EMPTY_MATCH);
  }
  parseInternal() {
    if ((this.flags & RE2Flags.LITERAL) !== 0) return Parser2.literalRegexp(this.wholeRegexp, this.flags);
    let lastRepeatPos = -1;
    let min = -1;
    let max = -1;
    const t = new StringIterator(this.wholeRegexp);
    while (t.more()) {
      let repeatPos = -1;
      bigswitch: switch (t.peek()) {
        case Codepoint.CODES["("]:
          if ((this.flags & RE2Flags.LOOKBEHIND) !== 0) {
            if (t.lookingAt("(?<=")) {
              this.parsePosLookBehind();
              t.skip(4);
              break;
            }
            if (t.lookingAt("(?<!")) {
              this.parseNegLookBehind();
              t.skip(4);
              break;
            }
          }
          if ((this.flags & RE2Flags.PERL_X) !== 0 && t.lookingAt("(?")) {
            this.parsePerlFlags(t);
            break;
          }
          this.op(Regexp.Op.LEFT_PAREN).cap = ++this.numCap;
          t.skip(1);
          break;
        case Codepoint.CODES["|"]:
          this.parseVerticalBar();
          t.skip(1);
          break;
        case Codepoint.CODES[")"]:
          this.parseRightParen();
          t.skip(1);
          break;
        case Codepoint.CODES["^"]:
          if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.BEGIN_TEXT);
          else this.op(Regexp.Op.BEGIN_LINE);
          t.skip(1);
          break;
        case Codepoint.CODES["$"]:
          if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.END_TEXT).flags |= RE2Flags.WAS_DOLLAR;
          else this.op(Regexp.Op.END_LINE);
          t.skip(1);
          break;
        case Codepoint.CODES["."]:
          if ((this.flags & RE2Flags.DOT_NL) !== 0) this.op(Regexp.Op.ANY_CHAR);
          else this.op(Regexp.Op.ANY_CHAR_NOT_NL);
          t.skip(1);
          break;
        case Codepoint.CODES["["]:
          this.parseClass(t);
          break;
        case Codepoint.CODES["*"]:
        case Codepoint.CODES["+"]:
        case Codepoint.CODES["?"]: {
          repeatPos = t.pos();
          let op = null;
          switch (t.pop()) {
            case Codepoint.CODES["*"]:
              op = Regexp.Op.STAR;
              break;
            case Codepoint.CODES["+"]:
              op = Regexp.Op.PLUS;
              break;
            case Codepoint.CODES["?"]:
              op = Regexp.Op.QUEST;
          }
          this.repeat(op, min, max, repeatPos, t, lastRepeatPos);
          break;
        }
        case Codepoint.CODES["{"]: {
          const before = t.pos();
          const minMax = Parser2.parseRepeat(t);
          if (minMax < 0) {
            t.rewindTo(before);
            this.literal(t.pop());
            break;
          }
          repeatPos = before;
          min = minMax >> 16;
          max = (minMax & Unicode.MAX_BMP) << 16 >> 16;
          this.repeat(Regexp.Op.REPEAT, min, max, repeatPos, t, lastRepeatPos);
          break;
        }
        case Codepoint.CODES["\\"]: {
          const savedPos = t.pos();
          t.skip(1);
          if ((this.flags & RE2Flags.PERL_X) !== 0 && t.more()) switch (t.pop()) {
            case Codepoint.CODES["A"]:
              this.op(Regexp.Op.BEGIN_TEXT);
              break bigswitch;
            case Codepoint.CODES["b"]:
              this.op(Regexp.Op.WORD_BOUNDARY);
              break bigswitch;
            case Codepoint.CODES["B"]:
              this.op(Regexp.Op.NO_WORD_BOUNDARY);
              break bigswitch;
            case Codepoint.CODES["C"]:
              throw new RE2JSSyntaxException(Parser2.ERR_INVALID_ESCAPE, "\\C");
            case Codepoint.CODES["Q"]: {
              let lit = t.rest();
              const i = lit.indexOf("\\E");
              if (i >= 0) {
                lit = lit.substring(0, i);
                t.skipString(lit);
                t.skipString("\\E");
              } else t.skipString(lit);
              let j = 0;
              while (j < lit.length) {
                const codepoint = lit.codePointAt(j);
                this.literal(codepoint);
                j += Utils.charCount(codepoint);
              }
              break bigswitch;
            }
            case Codepoint.CODES["z"]:
              this.op(Regexp.Op.END_TEXT);
              break bigswitch;
            default:
              t.rewindTo(savedPos);
          }
          else t.rewindTo(savedPos);
          const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
          re.flags = this.flags;
          if (t.lookingAt("\\p") || t.lookingAt("\\P")) {
            const cc2 = new CharClass();
            if (this.parseUnicodeClass(t, cc2)) {
              re.runes = cc2.toArray();
              this.push(re);
              break bigswitch;
            }
          }
          const cc = new CharClass();
          if (this.parsePerlClassEscape(t, cc)) {
            re.runes = cc.toArray();
            this.push(re);
            break bigswitch;
          }
          t.rewindTo(savedPos);
          this.reuse(re);
          this.literal(Parser2.parseEscape(t));
          break;
        }
        default:
          this.literal(t.pop());
      }
      lastRepeatPos = repeatPos;
    }
    this.concat();
    if (this.swapVerticalBar()) this.pop();
    this.alternate();
    if (this.stack.length !== 1) throw new RE2JSSyntaxException(Parser2.ERR_MISSING_PAREN, this.wholeRegexp);
    this.stack[0].namedGroups = this.namedGroups;
    return this.stack[0];
  }
  parsePerlFlags(t) {
    const startPos = t.pos();
    const s = t.rest();
    if (s.startsWith("(?P<") || s.startsWith("(?<")) {
      const begin = s.charAt(2) === "P" ? 4 : 3;
      const end = s.indexOf(">");
      if (end < 0) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_NAMED_CAPTURE, s);
      const name = s.substring(begin, end);
      t.skipString(name);
      t.skip(begin + 1);
      if (!Parser2.isValidCaptureName(name)) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_NAMED_CAPTURE, s.substring(0, end + 1));
      const re = this.op(Regexp.Op.LEFT_PAREN);
      re.cap = ++this.numCap;
      if (this.namedGroups[name]) throw new RE2JSSyntaxException(Parser2.ERR_DUPLICATE_NAMED_CAPTURE, name);
      this.namedGroups[name] = this.numCap;
      re.name = name;
      return;
    }
    t.skip(2);
    let flags2 = this.flags;
    let sign = 1;
    let sawFlag = false;
    loop: while (t.more()) {
      const c = t.pop();
      switch (c) {
        case Codepoint.CODES["i"]:
          flags2 |= RE2Flags.FOLD_CASE;
          sawFlag = true;
          break;
        case Codepoint.CODES["m"]:
          flags2 &= ~RE2Flags.ONE_LINE;
          sawFlag = true;
          break;
        case Codepoint.CODES["s"]:
          flags2 |= RE2Flags.DOT_NL;
          sawFlag = true;
          break;
        case Codepoint.CODES["U"]:
          flags2 |= RE2Flags.NON_GREEDY;
          sawFlag = true;
          break;
        case Codepoint.CODES["-"]:
          if (sign < 0) break loop;
          sign = -1;
          flags2 = ~flags2;
          sawFlag = false;
          break;
        case Codepoint.CODES[":"]:
        case Codepoint.CODES[")"]:
          if (sign < 0) {
            if (!sawFlag) break loop;
            flags2 = ~flags2;
          }
          if (c === Codepoint.CODES[":"]) this.op(Regexp.Op.LEFT_PAREN);
          this.flags = flags2;
          return;
        default:
          break loop;
      }
    }
    throw new RE2JSSyntaxException(Parser2.ERR_INVALID_PERL_OP, t.from(startPos));
  }
  parsePosLookBehind() {
    const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
    re.flags = this.flags;
    re.lb = ++this.nlb;
    return this.push(re);
  }
  parseNegLookBehind() {
    const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
    re.flags = this.flags;
    re.lb = -++this.nlb;
    return this.push(re);
  }
  parseVerticalBar() {
    this.concat();
    if (!this.swapVerticalBar()) this.op(Regexp.Op.VERTICAL_BAR);
  }
  swapVerticalBar() {
    const n = this.stack.length;
    if (n >= 3 && this.stack[n - 2].op === Regexp.Op.VERTICAL_BAR && Parser2.isCharClass(this.stack[n - 1]) && Parser2.isCharClass(this.stack[n - 3])) {
      let re1 = this.stack[n - 1];
      let re3 = this.stack[n - 3];
      if (re1.op > re3.op) {
        const tmp = re3;
        re3 = re1;
        re1 = tmp;
        this.stack[n - 3] = re3;
      }
      Parser2.mergeCharClass(re3, re1);
      this.reuse(re1);
      this.pop();
      return true;
    }
    if (n >= 2) {
      const re1 = this.stack[n - 1];
      const re2 = this.stack[n - 2];
      if (re2.op === Regexp.Op.VERTICAL_BAR) {
        if (n >= 3) this.cleanAlt(this.stack[n - 3]);
        this.stack[n - 2] = re1;
        this.stack[n - 1] = re2;
        return true;
      }
    }
    return false;
  }
  parseRightParen() {
    this.concat();
    if (this.swapVerticalBar()) this.pop();
    this.alternate();
    if (this.stack.length < 2) throw new RE2JSSyntaxException(Parser2.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
    const re1 = this.pop();
    const re2 = this.pop();
    if (re2.op !== Regexp.Op.LEFT_PAREN) throw new RE2JSSyntaxException(Parser2.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
    this.flags = re2.flags;
    if (re2.lb !== 0) {
      if (Parser2.hasCapture(re1)) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CAPTURE_IN_LOOKBEHIND, this.wholeRegexp);
      if (re2.lb > 0) re2.op = Regexp.Op.PLB;
      else re2.op = Regexp.Op.NLB;
      re2.subs = [re1];
      this.push(re2);
      return;
    }
    if (re2.cap === 0) this.push(re1);
    else {
      re2.op = Regexp.Op.CAPTURE;
      re2.subs = [re1];
      this.push(re2);
    }
  }
  parsePerlClassEscape(t, cc) {
    const beforePos = t.pos();
    if ((this.flags & RE2Flags.PERL_X) === 0 || !t.more() || t.pop() !== Codepoint.CODES["\\"] || !t.more()) return false;
    t.pop();
    const p = t.from(beforePos);
    const g = PERL_GROUPS.has(p) ? PERL_GROUPS.get(p) : null;
    if (g === null) return false;
    cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
    return true;
  }
  parseNamedClass(t, cc) {
    const cls = t.rest();
    const i = cls.indexOf(":]");
    if (i < 0) return false;
    const name = cls.substring(0, i + 2);
    t.skipString(name);
    const g = POSIX_GROUPS.has(name) ? POSIX_GROUPS.get(name) : null;
    if (g === null) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CHAR_RANGE, name);
    cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
    return true;
  }
  parseUnicodeClass(t, cc) {
    const startPos = t.pos();
    if ((this.flags & RE2Flags.UNICODE_GROUPS) === 0 || !t.lookingAt("\\p") && !t.lookingAt("\\P")) return false;
    t.skip(1);
    let sign = 1;
    let c = t.pop();
    if (c === Codepoint.CODES["P"]) sign = -1;
    if (!t.more()) {
      t.rewindTo(startPos);
      throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CHAR_RANGE, t.rest());
    }
    c = t.pop();
    let name;
    if (c !== Codepoint.CODES["{"]) name = Utils.runeToString(c);
    else {
      const rest = t.rest();
      const end = rest.indexOf("}");
      if (end < 0) {
        t.rewindTo(startPos);
        throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CHAR_RANGE, t.rest());
      }
      name = rest.substring(0, end);
      t.skipString(name);
      t.skip(1);
    }
    if (!(name.length === 0) && name.codePointAt(0) === Codepoint.CODES["^"]) {
      sign = 0 - sign;
      name = name.substring(1);
    }
    const pair = Parser2.unicodeTable(name);
    if (pair === null) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CHAR_RANGE, t.from(startPos));
    if (pair.sign < 0) sign = 0 - sign;
    const tab = pair.tab;
    const fold = pair.fold;
    if ((this.flags & RE2Flags.FOLD_CASE) === 0 || fold === null) cc.appendTableWithSign(tab, sign);
    else {
      const tmp = new CharClass().appendTable(tab).appendTable(fold).cleanClass().toArray();
      cc.appendClassWithSign(Array.from(tmp), sign);
    }
    return true;
  }
  parseClass(t) {
    const startPos = t.pos();
    t.skip(1);
    const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
    re.flags = this.flags;
    const cc = new CharClass();
    let sign = 1;
    if (t.more() && t.lookingAt("^")) {
      sign = -1;
      t.skip(1);
      if ((this.flags & RE2Flags.CLASS_NL) === 0) cc.appendRange(Codepoint.CODES["\n"], Codepoint.CODES["\n"]);
    }
    let first = true;
    while (!t.more() || t.peek() !== Codepoint.CODES["]"] || first) {
      if (t.more() && t.lookingAt("-") && (this.flags & RE2Flags.PERL_X) === 0 && !first) {
        const s = t.rest();
        if (s === "-" || !s.startsWith("-]")) {
          t.rewindTo(startPos);
          throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CHAR_RANGE, t.rest());
        }
      }
      first = false;
      const beforePos = t.pos();
      if (t.lookingAt("[:")) {
        if (this.parseNamedClass(t, cc)) continue;
        t.rewindTo(beforePos);
      }
      if (this.parseUnicodeClass(t, cc)) continue;
      if (this.parsePerlClassEscape(t, cc)) continue;
      t.rewindTo(beforePos);
      const lo = Parser2.parseClassChar(t, startPos);
      let hi = lo;
      if (t.more() && t.lookingAt("-")) {
        t.skip(1);
        if (t.more() && t.lookingAt("]")) t.skip(-1);
        else {
          hi = Parser2.parseClassChar(t, startPos);
          if (hi < lo) throw new RE2JSSyntaxException(Parser2.ERR_INVALID_CHAR_RANGE, t.from(beforePos));
        }
      }
      if ((this.flags & RE2Flags.FOLD_CASE) === 0) cc.appendRange(lo, hi);
      else cc.appendFoldedRange(lo, hi);
    }
    t.skip(1);
    cc.cleanClass();
    if (sign < 0) cc.negateClass();
    re.runes = cc.toArray();
    this.push(re);
  }
};
var RE2 = class RE22 {
  static initTest(expr) {
    const re2 = RE22.compile(expr);
    const res = new RE22(re2.expr, re2.prog, re2.numSubexp, re2.longest);
    res.cond = re2.cond;
    res.prefix = re2.prefix;
    res.prefixUTF8 = re2.prefixUTF8;
    res.prefixComplete = re2.prefixComplete;
    res.prefixRune = re2.prefixRune;
    res.prefilter = re2.prefilter;
    res.namedGroups = re2.namedGroups;
    return res;
  }
  /**
  * Parses a regular expression and returns, if successful, an {@code RE2} instance that can be
  * used to match against text.
  *
  * When matching against text, the regexp returns a match that begins as early as possible in the
  * input (leftmost), and among those it chooses the one that a backtracking search would have
  * found first. This so-called leftmost-first matching is the same semantics that Perl, Python,
  * and other implementations use, although this package implements it without the expense of
  * backtracking. For POSIX leftmost-longest matching, see {@link #compilePOSIX}.
  */
  static compile(expr) {
    return RE22.compileImpl(expr, RE2Flags.PERL, false);
  }
  /**
  * {@code compilePOSIX} is like {@link #compile} but restricts the regular expression to POSIX ERE
  * (egrep) syntax and changes the match semantics to leftmost-longest.
  *
  * That is, when matching against text, the regexp returns a match that begins as early as
  * possible in the input (leftmost), and among those it chooses a match that is as long as
  * possible. This so-called leftmost-longest matching is the same semantics that early regular
  * expression implementations used and that POSIX specifies.
  *
  * However, there can be multiple leftmost-longest matches, with different submatch choices, and
  * here this package diverges from POSIX. Among the possible leftmost-longest matches, this
  * package chooses the one that a backtracking search would have found first, while POSIX
  * specifies that the match be chosen to maximize the length of the first subexpression, then the
  * second, and so on from left to right. The POSIX rule is computationally prohibitive and not
  * even well-defined. See http://swtch.com/~rsc/regexp/regexp2.html#posix
  */
  static compilePOSIX(expr) {
    return RE22.compileImpl(expr, RE2Flags.POSIX, true);
  }
  static compileImpl(expr, mode, longest) {
    let re = Parser.parse(expr, mode);
    const maxCap = re.maxCap();
    const namedGroups = re.namedGroups;
    re = Simplify.simplify(re);
    const prefilter = PrefilterTree.build(re);
    const prog = Compiler.compileRegexp(re);
    const re2 = new RE22(expr, prog, maxCap, longest);
    re2.prefilter = prefilter.type === Prefilter.Type.NONE ? null : prefilter;
    const [prefixCompl, prefixStr] = prog.prefix();
    re2.prefixComplete = prefixCompl;
    re2.prefix = prefixStr;
    re2.prefixUTF8 = Utils.stringToUtf8ByteArray(re2.prefix);
    if (re2.prefix.length > 0) re2.prefixRune = re2.prefix.codePointAt(0);
    re2.namedGroups = namedGroups;
    return re2;
  }
  /**
  * Returns true iff textual regular expression {@code pattern} matches string {@code s}.
  *
  * More complicated queries need to use {@link #compile} and the full {@code RE2} interface.
  */
  static match(pattern, s) {
    return RE22.compile(pattern).match(s);
  }
  constructor(expr, prog, numSubexp = 0, longest = 0) {
    this.expr = expr;
    this.prog = prog;
    this.numSubexp = numSubexp;
    this.longest = longest;
    this.cond = prog.startCond();
    this.prefix = null;
    this.prefixUTF8 = null;
    this.prefixComplete = false;
    this.prefixRune = 0;
    this.namedGroups = /* @__PURE__ */ Object.create(null);
    this.machinePool = [];
    this.lazyDFA = null;
    this.onepass = OnePass.compile(this.prog);
    this.prefilter = null;
  }
  get dfa() {
    if (this.lazyDFA === null) this.lazyDFA = new DFA(this.prog);
    return this.lazyDFA;
  }
  matchPrefixComplete(input, pos, anchor, ncap) {
    if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
    let matchStart = -1;
    let matchEnd = -1;
    const pLen = input.prefixLength(this);
    if (anchor === RE2Flags.UNANCHORED) {
      const idx = input.index(this, pos);
      if (idx < 0) return null;
      matchStart = pos + idx;
      matchEnd = matchStart + pLen;
    } else if (anchor === RE2Flags.ANCHOR_BOTH) {
      if (input.endPos() !== pLen) return null;
      if (input.index(this, 0) !== 0) return null;
      matchStart = 0;
      matchEnd = pLen;
    } else if (anchor === RE2Flags.ANCHOR_START) {
      if (input.index(this, 0) !== 0) return null;
      matchStart = 0;
      matchEnd = pLen;
    }
    if (matchStart < 0) return null;
    if (ncap > 0) {
      const matchcap = new Int32Array(ncap).fill(-1);
      matchcap[0] = matchStart;
      matchcap[1] = matchEnd;
      return Array.from(matchcap);
    }
    return [];
  }
  createLookbehindState() {
    return this.prog.numLb > 0 ? new LookbehindState(this.prog) : null;
  }
  executeEngine(input, pos, anchor, ncap, lbState = null) {
    if (this.prefixComplete && (ncap === 0 || this.numSubexp === 0)) return this.matchPrefixComplete(input, pos, anchor, ncap);
    if (this.prefilter !== null && anchor === RE2Flags.UNANCHORED) {
      if (!this.prefilter.eval(input, pos)) return null;
    }
    if (this.onepass !== null) return OnePass.execute(this, input, pos, anchor, ncap);
    if (ncap > 0) {
      if (this.prog.numLb === 0 && input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
      return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
    }
    if (this.prog.numLb === 0) {
      const dfaResult = this.dfa.match(input, pos, anchor);
      if (dfaResult !== null) return dfaResult ? [] : null;
      if (input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
    }
    return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
  }
  /**
  * Returns the number of parenthesized subexpressions in this regular expression.
  */
  numberOfCapturingGroups() {
    return this.numSubexp;
  }
  /**
  * Returns the number of instructions in this compiled regular expression program.
  */
  numberOfInstructions() {
    return this.prog.numInst();
  }
  get() {
    return this.machinePool.length > 0 ? this.machinePool.pop() : null;
  }
  reset() {
    this.machinePool.length = 0;
  }
  put(m) {
    this.machinePool.push(m);
  }
  toString() {
    return this.expr;
  }
  doExecuteNFA(input, pos, anchor, ncap, lbState = null) {
    let m = this.get();
    if (!m) m = Machine.fromRE2(this);
    m.init(ncap);
    const cap = m.match(input, pos, anchor, lbState) ? m.submatches() : null;
    this.put(m);
    return cap;
  }
  match(s) {
    return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 0) !== null;
  }
  /**
  * Matches the regular expression against input starting at position start and ending at position
  * end, with the given anchoring. Records the submatch boundaries in group, which is [start, end)
  * pairs of byte offsets. The number of boundaries needed is inferred from the size of the group
  * array. It is most efficient not to ask for submatch boundaries.
  *
  * @param input the input byte array
  * @param start the beginning position in the input
  * @param end the end position in the input
  * @param anchor the anchoring flag (UNANCHORED, ANCHOR_START, ANCHOR_BOTH)
  * @param group the array to fill with submatch positions
  * @param ngroup the number of array pairs to fill in
  * @param lbState optional state carried between successive matches over the same input (see
  *   createLookbehindState); omit it to evaluate lookbehinds from the beginning of the input
  * @returns true if a match was found
  */
  matchWithGroup(input, start, end, anchor, ngroup, lbState = null) {
    if (!(input instanceof MatcherInputBase)) {
      if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
      else input = MatcherInput.utf16(input);
    }
    return this.matchMachineInput(input, start, end, anchor, ngroup, lbState);
  }
  matchMachineInput(input, start, end, anchor, ngroup, lbState = null) {
    if (start > end) return [false, null];
    const machineInput = input.isUTF16Encoding() ? MachineInput.fromUTF16(input.asCharSequence(), 0, end) : MachineInput.fromUTF8(input.asBytes(), 0, end);
    const groupMatch = this.executeEngine(machineInput, start, anchor, 2 * ngroup, lbState);
    if (groupMatch === null) return [false, null];
    return [true, groupMatch];
  }
  /**
  * Returns true iff this regexp matches the UTF-8 byte array {@code b}.
  */
  matchUTF8(b) {
    return this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 0) !== null;
  }
  /**
  * Returns a copy of {@code src} in which all matches for this regexp have been replaced by
  * {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
  * replacement string.
  */
  replaceAll(src, repl) {
    return this.replaceAllFunc(src, () => repl, 2 * src.length + 1);
  }
  /**
  * Returns a copy of {@code src} in which only the first match for this regexp has been replaced
  * by {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
  * replacement string.
  */
  replaceFirst(src, repl) {
    return this.replaceAllFunc(src, () => repl, 1);
  }
  /**
  * Returns a copy of {@code src} in which at most {@code maxReplaces} matches for this regexp have
  * been replaced by the return value of of function {@code repl} (whose first argument is the
  * matched string). No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
  * replacement string.
  */
  replaceAllFunc(src, replFunc, maxReplaces) {
    let lastMatchEnd = 0;
    let searchPos = 0;
    let out = "";
    const input = MachineInput.fromUTF16(src);
    const lbState = this.createLookbehindState();
    let numReplaces = 0;
    while (searchPos <= src.length) {
      const a = this.executeEngine(input, searchPos, RE2Flags.UNANCHORED, 2, lbState);
      if (a === null || a.length === 0) break;
      out += src.substring(lastMatchEnd, a[0]);
      if (a[1] > lastMatchEnd || a[0] === 0) {
        out += replFunc(src.substring(a[0], a[1]));
        numReplaces++;
      }
      lastMatchEnd = a[1];
      const width = input.step(searchPos) & 7;
      if (searchPos + width > a[1]) searchPos += width;
      else if (searchPos + 1 > a[1]) searchPos++;
      else searchPos = a[1];
      if (numReplaces >= maxReplaces) break;
    }
    out += src.substring(lastMatchEnd);
    return out;
  }
  pad(a) {
    if (a === null) return null;
    let n = (1 + this.numSubexp) * 2;
    if (a.length < n) {
      let a2 = new Array(n).fill(-1);
      for (let i = 0; i < a.length; i++) a2[i] = a[i];
      a = a2;
    }
    return a;
  }
  allMatches(input, n, deliverFun = (v) => v) {
    let result = [];
    const end = input.endPos();
    if (n < 0) n = end + 1;
    let pos = 0;
    let i = 0;
    let prevMatchEnd = -1;
    const lbState = this.createLookbehindState();
    while (i < n && pos <= end) {
      const matches = this.executeEngine(input, pos, RE2Flags.UNANCHORED, this.prog.numCap, lbState);
      if (matches === null || matches.length === 0) break;
      let accept = true;
      if (matches[1] === pos) {
        if (matches[0] === prevMatchEnd) accept = false;
        const r = input.step(pos);
        if (r < 0) pos = end + 1;
        else pos += r & 7;
      } else pos = matches[1];
      prevMatchEnd = matches[1];
      if (accept) {
        result.push(deliverFun(this.pad(matches)));
        i++;
      }
    }
    return result;
  }
  /**
  * Returns an array holding the text of the leftmost match in {@code b} of this regular
  * expression.
  *
  * A return value of null indicates no match.
  */
  findUTF8(b) {
    const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
    if (a === null) return null;
    return b.slice(a[0], a[1]);
  }
  /**
  * Returns a two-element array of integers defining the location of the leftmost match in
  * {@code b} of this regular expression. The match itself is at {@code b[loc[0]...loc[1]]}.
  *
  * A return value of null indicates no match.
  */
  findUTF8Index(b) {
    const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
    if (a === null) return null;
    return a.slice(0, 2);
  }
  /**
  * Returns a string holding the text of the leftmost match in {@code s} of this regular
  * expression.
  *
  * If there is no match, the return value is an empty string, but it will also be empty if the
  * regular expression successfully matches an empty string. Use {@link #findIndex} or
  * {@link #findSubmatch} if it is necessary to distinguish these cases.
  */
  find(s) {
    const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
    if (a === null) return "";
    return s.substring(a[0], a[1]);
  }
  /**
  * Returns a two-element array of integers defining the location of the leftmost match in
  * {@code s} of this regular expression. The match itself is at
  * {@code s.substring(loc[0], loc[1])}.
  *
  * A return value of null indicates no match.
  */
  findIndex(s) {
    return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
  }
  /**
  * Returns an array of arrays the text of the leftmost match of the regular expression in
  * {@code b} and the matches, if any, of its subexpressions, as defined by the <a
  * href='#submatch'>Submatch</a> description above.
  *
  * A return value of null indicates no match.
  */
  findUTF8Submatch(b) {
    const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap);
    if (a === null) return null;
    const ret = new Array(1 + this.numSubexp).fill(null);
    for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = b.slice(a[2 * i], a[2 * i + 1]);
    return ret;
  }
  /**
  * Returns an array holding the index pairs identifying the leftmost match of this regular
  * expression in {@code b} and the matches, if any, of its subexpressions, as defined by the the
  * <a href='#submatch'>Submatch</a> and <a href='#index'>Index</a> descriptions above.
  *
  * A return value of null indicates no match.
  */
  findUTF8SubmatchIndex(b) {
    return this.pad(this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap));
  }
  /**
  * Returns an array of strings holding the text of the leftmost match of the regular expression in
  * {@code s} and the matches, if any, of its subexpressions, as defined by the <a
  * href='#submatch'>Submatch</a> description above.
  *
  * A return value of null indicates no match.
  */
  findSubmatch(s) {
    const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap);
    if (a === null) return null;
    const ret = new Array(1 + this.numSubexp).fill(null);
    for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = s.substring(a[2 * i], a[2 * i + 1]);
    return ret;
  }
  /**
  * Returns an array holding the index pairs identifying the leftmost match of this regular
  * expression in {@code s} and the matches, if any, of its subexpressions, as defined by the <a
  * href='#submatch'>Submatch</a> description above.
  *
  * A return value of null indicates no match.
  */
  findSubmatchIndex(s) {
    return this.pad(this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap));
  }
  /**
  * {@code findAllUTF8()} is the <a href='#all'>All</a> version of {@link #findUTF8}; it returns a
  * list of up to {@code n} successive matches of the expression, as defined by the <a
  * href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  *
  * TODO(adonovan): think about defining a byte slice view class, like a read-only Go slice backed
  * by |b|.
  */
  findAllUTF8(b, n) {
    const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => b.slice(match[0], match[1]));
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAllUTF8Index} is the <a href='#all'>All</a> version of {@link #findUTF8Index}; it
  * returns a list of up to {@code n} successive matches of the expression, as defined by the <a
  * href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  */
  findAllUTF8Index(b, n) {
    const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => match.slice(0, 2));
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAll} is the <a href='#all'>All</a> version of {@link #find}; it returns a list of up
  * to {@code n} successive matches of the expression, as defined by the <a href='#all'>All</a>
  * description above.
  *
  * A return value of null indicates no match.
  */
  findAll(s, n) {
    const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => s.substring(match[0], match[1]));
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAllIndex} is the <a href='#all'>All</a> version of {@link #findIndex}; it returns a
  * list of up to {@code n} successive matches of the expression, as defined by the <a
  * href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  */
  findAllIndex(s, n) {
    const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => match.slice(0, 2));
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAllUTF8Submatch} is the <a href='#all'>All</a> version of {@link #findUTF8Submatch};
  * it returns a list of up to {@code n} successive matches of the expression, as defined by the <a
  * href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  */
  findAllUTF8Submatch(b, n) {
    const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => {
      let slice = new Array(match.length / 2 | 0).fill(null);
      for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = b.slice(match[2 * j], match[2 * j + 1]);
      return slice;
    });
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAllUTF8SubmatchIndex} is the <a href='#all'>All</a> version of
  * {@link #findUTF8SubmatchIndex}; it returns a list of up to {@code n} successive matches of the
  * expression, as defined by the <a href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  */
  findAllUTF8SubmatchIndex(b, n) {
    const result = this.allMatches(MachineInput.fromUTF8(b), n);
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAllSubmatch} is the <a href='#all'>All</a> version of {@link #findSubmatch}; it
  * returns a list of up to {@code n} successive matches of the expression, as defined by the <a
  * href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  */
  findAllSubmatch(s, n) {
    const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => {
      let slice = new Array(match.length / 2 | 0).fill(null);
      for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = s.substring(match[2 * j], match[2 * j + 1]);
      return slice;
    });
    if (result.length === 0) return null;
    return result;
  }
  /**
  * {@code findAllSubmatchIndex} is the <a href='#all'>All</a> version of
  * {@link #findSubmatchIndex}; it returns a list of up to {@code n} successive matches of the
  * expression, as defined by the <a href='#all'>All</a> description above.
  *
  * A return value of null indicates no match.
  */
  findAllSubmatchIndex(s, n) {
    const result = this.allMatches(MachineInput.fromUTF16(s), n);
    if (result.length === 0) return null;
    return result;
  }
};
var RE2Set = class RE2Set2 {
  /** @type {number} */
  static UNANCHORED = RE2Flags.UNANCHORED;
  /** @type {number} */
  static ANCHOR_START = RE2Flags.ANCHOR_START;
  /** @type {number} */
  static ANCHOR_BOTH = RE2Flags.ANCHOR_BOTH;
  /**
  * Constructs a new RE2Set with the specified anchor mode and flags.
  * @param {number} [anchor=RE2Set.UNANCHORED] - The anchoring mode (e.g., RE2Set.UNANCHORED).
  * @param {number} [flags=0] - The public flags to apply to all patterns in the set.
  * @param {number} [maxMem=8388608] - The maximum memory in bytes to use for the DFA (default 8MB).
  */
  constructor(anchor = RE2Set2.UNANCHORED, flags2 = 0, maxMem = 8388608) {
    if (![
      RE2Set2.UNANCHORED,
      RE2Set2.ANCHOR_START,
      RE2Set2.ANCHOR_BOTH
    ].includes(anchor)) throw new RE2JSFlagsException("The anchor should be RE2Set.UNANCHORED, RE2Set.ANCHOR_START or RE2Set.ANCHOR_BOTH");
    Utils.checkFlags(flags2);
    this.anchor = anchor;
    this.jsFlags = flags2;
    this.maxMem = maxMem;
    let re2Flags = RE2Flags.PERL;
    if ((flags2 & PublicFlags.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
    if ((flags2 & PublicFlags.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
    this.re2Flags = re2Flags;
    this.regexps = [];
    this.prog = null;
    this.dfa = null;
    this.dummyRe2 = null;
  }
  /**
  * Adds a new regular expression pattern to the set.
  * Patterns cannot be added after the set has been compiled.
  * @param {string} pattern - The regular expression pattern to add.
  * @returns {number} The integer index assigned to the added pattern.
  * @throws {RE2JSCompileException} If patterns are added after compilation.
  */
  add(pattern) {
    if (this.prog) throw new RE2JSCompileException("Cannot add patterns after compile");
    Utils.checkPattern(pattern);
    let fregex = pattern;
    if ((this.jsFlags & PublicFlags.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
    if ((this.jsFlags & PublicFlags.DOTALL) !== 0) fregex = `(?s)${fregex}`;
    if ((this.jsFlags & PublicFlags.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
    const re = Parser.parse(fregex, this.re2Flags);
    this.regexps.push(Simplify.simplify(re));
    return this.regexps.length - 1;
  }
  /**
  * Compiles the added patterns into a single state machine.
  * This is automatically called on the first match if not called explicitly.
  * @returns {void}
  */
  compile() {
    if (this.prog) return;
    const prog = Compiler.compileSet(this.regexps);
    if (prog.numInst() > Parser.MAX_SIZE) throw new RE2JSCompileException(`${Parser.ERR_LARGE}: the set compiles to ${prog.numInst()} instructions, more than ${Parser.MAX_SIZE}`);
    this.prog = prog;
    this.dfa = new DFA(this.prog, this.maxMem);
    this.dummyRe2 = {
      prog: this.prog,
      cond: this.prog.startCond(),
      prefix: "",
      prefixRune: 0,
      longest: false
    };
  }
  /**
  * Matches the input against the compiled set of regular expressions.
  * @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to match against.
  * @returns {number[]} An array of indices representing the patterns that successfully matched the input.
  */
  match(input) {
    if (!this.prog) this.compile();
    const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
    let internalAnchor = RE2Flags.UNANCHORED;
    if (this.anchor === RE2Set2.ANCHOR_START) internalAnchor = RE2Flags.ANCHOR_START;
    else if (this.anchor === RE2Set2.ANCHOR_BOTH) internalAnchor = RE2Flags.ANCHOR_BOTH;
    const dfaResult = this.dfa.matchSet(machineInput, 0, internalAnchor);
    if (dfaResult !== null) return dfaResult;
    const machine = Machine.fromRE2(this.dummyRe2);
    machine.init(0);
    return machine.matchSet(machineInput, 0, internalAnchor);
  }
};
var TranslateRegExpString = class TranslateRegExpString2 {
  static isHexadecimal(ch) {
    return "0" <= ch && ch <= "9" || "A" <= ch && ch <= "F" || "a" <= ch && ch <= "f";
  }
  static translate(data) {
    let prefixFlags = "";
    if (Object.prototype.toString.call(data) === "[object RegExp]") {
      if (data.ignoreCase) prefixFlags += "i";
      if (data.multiline) prefixFlags += "m";
      if (data.dotAll) prefixFlags += "s";
      data = data.source;
    }
    if (typeof data !== "string") return data;
    let result = "";
    let changed = false;
    let size = data.length;
    if (size === 0) {
      result = "(?:)";
      changed = true;
    }
    let inCharClass = false;
    let i = 0;
    while (i < size) {
      let ch = data[i];
      if (ch === "\\") {
        if (i + 1 < size) {
          ch = data[i + 1];
          switch (ch) {
            case "\\":
              result += "\\\\";
              i += 2;
              continue;
            case "c":
              if (i + 2 < size) {
                let code = data[i + 2].charCodeAt(0);
                if (code >= 65 && code <= 90 || code >= 97 && code <= 122) {
                  let val = code % 32;
                  result += "\\x";
                  result += (val >> 4).toString(16).toUpperCase();
                  result += (val & 15).toString(16).toUpperCase();
                  i += 3;
                  changed = true;
                  continue;
                }
              }
              result += "c";
              i += 2;
              changed = true;
              continue;
            case "u":
              if (i + 2 < size) {
                if (data[i + 2] === "{") {
                  let j = i + 3;
                  let hasHex = false;
                  let closed = false;
                  while (j < size) {
                    const hexChar = data[j];
                    if (hexChar === "}") {
                      closed = true;
                      break;
                    }
                    if (!TranslateRegExpString2.isHexadecimal(hexChar)) break;
                    hasHex = true;
                    j++;
                  }
                  if (closed && hasHex) {
                    result += "\\x";
                    i += 2;
                    changed = true;
                    continue;
                  }
                } else if (i + 5 < size) {
                  let isHex4 = true;
                  for (let j = 0; j < 4; j++) if (!TranslateRegExpString2.isHexadecimal(data[i + 2 + j])) {
                    isHex4 = false;
                    break;
                  }
                  if (isHex4) {
                    result += "\\x{" + data.substring(i + 2, i + 6) + "}";
                    i += 6;
                    changed = true;
                    continue;
                  }
                }
              }
              result += "u";
              i += 2;
              changed = true;
              continue;
            case "x": {
              let isValidHex = false;
              if (i + 2 < size && data[i + 2] === "{") {
                let j = i + 3;
                let hasHex = false;
                let closed = false;
                while (j < size) {
                  const hexChar = data[j];
                  if (hexChar === "}") {
                    closed = true;
                    break;
                  }
                  if (!TranslateRegExpString2.isHexadecimal(hexChar)) break;
                  hasHex = true;
                  j++;
                }
                if (closed && hasHex) isValidHex = true;
              } else if (i + 3 < size && TranslateRegExpString2.isHexadecimal(data[i + 2]) && TranslateRegExpString2.isHexadecimal(data[i + 3])) isValidHex = true;
              if (isValidHex) {
                result += "\\x";
                i += 2;
              } else {
                result += "x";
                i += 2;
                changed = true;
              }
              continue;
            }
            case "n":
            case "r":
            case "t":
            case "a":
            case "f":
            case "v":
            case "d":
            case "D":
            case "s":
            case "S":
            case "w":
            case "W":
            case "b":
            case "B":
            case "p":
            case "P":
            case "A":
            case "z":
            case "Q":
            case "E":
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7":
              result += "\\" + ch;
              i += 2;
              continue;
            default: {
              let cp2 = data.codePointAt(i + 1);
              if (cp2 >= 48 && cp2 <= 57 || cp2 >= 65 && cp2 <= 90 || cp2 >= 97 && cp2 <= 122) {
                let symSize2 = Utils.charCount(cp2);
                result += data.substring(i + 1, i + 1 + symSize2);
                i += symSize2 + 1;
                changed = true;
              } else {
                result += "\\";
                let symSize2 = Utils.charCount(cp2);
                result += data.substring(i + 1, i + 1 + symSize2);
                i += symSize2 + 1;
              }
              continue;
            }
          }
        }
      } else if (ch === "/") {
        result += "\\/";
        i += 1;
        changed = true;
        continue;
      } else if (ch === "[") {
        if (!inCharClass && data[i + 1] === "]") {
          result += "[^\\x00-\\x{10FFFF}]";
          i += 2;
          changed = true;
          continue;
        }
        if (!inCharClass && data[i + 1] === "^" && data[i + 2] === "]") {
          result += "[\\x00-\\x{10FFFF}]";
          i += 3;
          changed = true;
          continue;
        }
        inCharClass = true;
      } else if (ch === "]") inCharClass = false;
      else if (!inCharClass && ch === "(" && i + 2 < size && data[i + 1] === "?" && data[i + 2] === "<") {
        if (i + 3 < size && !"=!>)".includes(data[i + 3])) {
          result += "(?P<";
          i += 3;
          changed = true;
          continue;
        }
      }
      let cp = data.codePointAt(i);
      let symSize = Utils.charCount(cp);
      result += data.substring(i, i + symSize);
      i += symSize;
    }
    const finalResult = changed ? result : data;
    if (prefixFlags.length > 0) return `(?${prefixFlags})${finalResult}`;
    return finalResult;
  }
};
var execResult = (m, input) => {
  const result = m.matchArray();
  result.index = m.start(0);
  result.input = input;
  result.groups = m.namedGroupsObject();
  return result;
};
var RE2JS = class RE2JS2 {
  /**
  * Flag: case insensitive matching.
  */
  static CASE_INSENSITIVE = PublicFlags.CASE_INSENSITIVE;
  /**
  * Flag: dot ({@code .}) matches all characters, including newline.
  */
  static DOTALL = PublicFlags.DOTALL;
  /**
  * Flag: multiline matching: {@code ^} and {@code $} match at beginning and end of line, not just
  * beginning and end of input.
  */
  static MULTILINE = PublicFlags.MULTILINE;
  /**
  * Flag: Unicode groups (e.g. {@code \p\ Greek\} ) will be syntax errors.
  */
  static DISABLE_UNICODE_GROUPS = PublicFlags.DISABLE_UNICODE_GROUPS;
  /**
  * Flag: matches longest possible string.
  */
  static LONGEST_MATCH = PublicFlags.LONGEST_MATCH;
  /**
  * Flag: enable linear-time captureless lookbehinds.
  */
  static LOOKBEHINDS = PublicFlags.LOOKBEHINDS;
  /**
  * Returns a literal pattern string for the specified string.
  *
  * This method produces a string that can be used to create a <code>RE2JS</code> that would
  * match the string <code>s</code> as if it were a literal pattern.
  *
  * Metacharacters or escape sequences in the input sequence will be given no special meaning.
  *
  * @param {string} str The string to be literalized
  * @returns {string} A literal string replacement
  */
  static quote(str) {
    return Utils.quoteMeta(str);
  }
  /**
  * Quotes '\' and '$' in {@code str}, so that the returned string could be used in
  * replacement methods as a literal replacement of {@code str}.
  *
  * This is a convenience delegation to {@link Matcher.quoteReplacement}.
  *
  * @param {string} str the string to be quoted
  * @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
  * @returns {string} the quoted string
  */
  static quoteReplacement(str, javaMode = false) {
    return Matcher.quoteReplacement(str, javaMode);
  }
  /**
  * Translates a given regular expression string to ensure compatibility with RE2JS.
  *
  * This function preprocesses the input regex string by applying necessary transformations,
  * such as escaping special characters (e.g., `/`), converting named capture groups to
  * RE2JS-compatible syntax, and handling Unicode sequences properly. It ensures that the
  * resulting regex is safe and properly formatted before compilation.
  *
  * @param {string|RegExp} expr - The regular expression string to be translated.
  * @returns {string} - The transformed regular expression string, ready for compilation.
  */
  static translateRegExp(expr) {
    return TranslateRegExpString.translate(expr);
  }
  /**
  * Helper: create new RE2JS with given regex and flags. Flregex is the regex with flags applied.
  * @param {string} regex
  * @param {number} [flags=0]
  * @returns {RE2JS}
  */
  static compile(regex, flags2 = 0) {
    Utils.checkPattern(regex);
    Utils.checkFlags(flags2);
    let fregex = regex;
    if ((flags2 & RE2JS2.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
    if ((flags2 & RE2JS2.DOTALL) !== 0) fregex = `(?s)${fregex}`;
    if ((flags2 & RE2JS2.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
    let re2Flags = RE2Flags.PERL;
    if ((flags2 & RE2JS2.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
    if ((flags2 & RE2JS2.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
    const p = new RE2JS2(regex, flags2);
    p.re2Input = RE2.compileImpl(fregex, re2Flags, (flags2 & RE2JS2.LONGEST_MATCH) !== 0);
    return p;
  }
  /**
  * Matches a string against a regular expression.
  *
  * @param {string} regex the regular expression
  * @param {string|number[]|Uint8Array} input the input
  * @returns {boolean} true if the regular expression matches the entire input
  * @throws RE2JSSyntaxException if the regular expression is malformed
  */
  static matches(regex, input) {
    return RE2JS2.compile(regex).testExact(input);
  }
  /**
  * This is visible for testing.
  * @private
  */
  static initTest(pattern, flags2, re2) {
    if (pattern == null) throw new Error("pattern is null");
    if (re2 == null) throw new Error("re2 is null");
    const p = new RE2JS2(pattern, flags2);
    p.re2Input = re2;
    return p;
  }
  /**
  *
  * @param {string} pattern
  * @param {number} flags
  */
  constructor(pattern, flags2) {
    this.patternInput = pattern;
    this.flagsInput = flags2;
    this.re2Input = null;
  }
  /**
  * Releases memory used by internal caches associated with this pattern. Does not change the
  * observable behaviour. Useful for tests that detect memory leaks via allocation tracking.
  */
  reset() {
    this.re2Input.reset();
  }
  /**
  * Returns the flags used in the constructor.
  * @returns {number}
  */
  flags() {
    return this.flagsInput;
  }
  /**
  * Returns the pattern used in the constructor.
  * @returns {string}
  */
  pattern() {
    return this.patternInput;
  }
  re2() {
    return this.re2Input;
  }
  /**
  * Matches a string against a regular expression.
  *
  * @param {string|number[]|Uint8Array} input the input
  * @returns {boolean} true if the regular expression matches the entire input
  */
  matches(input) {
    return this.testExact(input);
  }
  /**
  * Creates a new {@code Matcher} matching the pattern against the input.
  *
  * @param {string|number[]|Uint8Array|MatcherInputBase} input the input string
  * @returns {Matcher}
  */
  matcher(input) {
    if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
    return new Matcher(this, input);
  }
  /**
  * Tests whether the regular expression matches any part of the input string.
  * Performance Note: This method is highly optimized. Because it only returns
  * a boolean and does not extract capture groups, it bypasses the `Matcher` overhead
  * and guarantees execution on the high-speed DFA engine whenever possible.
  *
  * @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
  * @returns {boolean} `true` if the pattern is found anywhere in the input, `false` otherwise.
  */
  test(input) {
    if (Utils.isByteArray(input)) return this.re2Input.matchUTF8(input);
    return this.re2Input.match(input);
  }
  /**
  * Tests whether the regular expression matches the ENTIRE input string.
  * * **Performance Note:** This operates identically to `.matches()`, but is significantly
  * faster because it does not request capture group data. By requesting 0 capture groups,
  * it securely routes execution through the DFA fast-path.
  *
  * @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
  * @returns {boolean} `true` if the exact input string fully matches the pattern, `false` otherwise.
  */
  testExact(input) {
    const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
    return this.re2Input.executeEngine(machineInput, 0, RE2Flags.ANCHOR_BOTH, 0) !== null;
  }
  /**
  * Executes a search for a match in a specified string.
  * Returns a result array, or null if no match is found.
  * The returned array perfectly mirrors standard JavaScript `RegExpExecArray`,
  * including `.index`, `.input`, and `.groups` properties.
  *
  * @param {string|number[]|Uint8Array} input the input string or byte array
  * @returns {Array|null} the match array with index, input, and groups properties, or null
  */
  exec(input) {
    const m = this.matcher(input);
    return m.find() ? execResult(m, input) : null;
  }
  /**
  * Splits input around instances of the regular expression. It returns an array giving the strings
  * that occur before, between, and after instances of the regular expression.
  *
  * If {@code limit <= 0}, there is no limit on the size of the returned array. If
  * {@code limit == 0}, empty strings that would occur at the end of the array are omitted. If
  * {@code limit > 0}, at most limit strings are returned. The final string contains the remainder
  * of the input, possibly including additional matches of the pattern.
  *
  * @param {string} input the input string to be split
  * @param {number} [limit=0] the limit
  * @returns {string[]} the split strings
  */
  split(input, limit = 0) {
    const m = this.matcher(input);
    const result = [];
    let emptiesSkipped = 0;
    let last = 0;
    while (m.find()) {
      if (last === 0 && m.end() === 0) {
        last = m.end();
        continue;
      }
      if (limit > 0 && result.length === limit - 1) break;
      if (last === m.start()) {
        if (limit === 0) {
          emptiesSkipped += 1;
          last = m.end();
          continue;
        }
      } else while (emptiesSkipped > 0) {
        result.push("");
        emptiesSkipped -= 1;
      }
      result.push(m.substring(last, m.start()));
      last = m.end();
    }
    if (limit === 0 && last !== m.inputLength()) {
      while (emptiesSkipped > 0) {
        result.push("");
        emptiesSkipped -= 1;
      }
      result.push(m.substring(last, m.inputLength()));
    }
    if (limit !== 0 || result.length === 0 && !(last === m.inputLength() && last > 0)) result.push(m.substring(last, m.inputLength()));
    return result;
  }
  /**
  * Returns an iterator of all results matching a string against the regular expression,
  * including capturing groups.
  *
  * @param {string|number[]|Uint8Array} input the input string or byte array
  * @returns {IterableIterator<RegExpMatchArray>}
  */
  *matchAll(input) {
    const m = this.matcher(input);
    while (m.find()) yield execResult(m, input);
  }
  /**
  *
  * @returns {string}
  */
  toString() {
    return this.patternInput;
  }
  /**
  * Returns the program size of this pattern.
  *
  * <p>
  * Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
  * "cost". Larger numbers are more expensive than smaller numbers.
  * </p>
  *
  * @returns {number} the program size of this pattern
  */
  programSize() {
    return this.re2Input.numberOfInstructions();
  }
  /**
  * Returns the number of capturing groups in this matcher's pattern. Group zero denotes the entire
  * pattern and is excluded from this count.
  *
  * @returns {number} the number of capturing groups in this pattern
  */
  groupCount() {
    return this.re2Input.numberOfCapturingGroups();
  }
  /**
  * Return a map of the capturing groups in this matcher's pattern, where key is the name and value
  * is the index of the group in the pattern.
  * @returns {Record<string, number>}
  */
  namedGroups() {
    return this.re2Input.namedGroups;
  }
  /**
  *
  * @param {*} other
  * @returns {boolean}
  */
  equals(other) {
    if (this === other) return true;
    if (other === null || this.constructor !== other.constructor) return false;
    return this.flagsInput === other.flagsInput && this.patternInput === other.patternInput;
  }
};

// src/diagnostics/noise.ts
var DEFAULT_NOISE = [
  "return_address should use unwind tables",
  "NPTL on non MMU needs fixing",
  "-Wunused-const-variable=",
  String.raw`\.(?:init|fini)_array\b.*section type|section type.*\.(?:init|fini)_array`
];
var MAX_PATTERN = 500;
function parseNoiseFile(text, input) {
  const patterns = [...defaultNoise.patterns];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const where2 = `line ${i + 1}`;
    if (line.length > MAX_PATTERN) throw new InputError(input, where2, `it is ${line.length} characters; a noise pattern is at most ${MAX_PATTERN}`);
    try {
      patterns.push(RE2JS.compile(line));
    } catch (e) {
      const what = e instanceof RE2JSSyntaxException ? e.error : "it does not compile";
      throw new InputError(input, where2, `it is not a regular expression RE2 accepts (${what}): noise patterns are RE2 patterns, one a line, without backreferences or lookaround`);
    }
  });
  return { patterns };
}
var defaultNoise = { patterns: DEFAULT_NOISE.map((p) => RE2JS.compile(p)) };
function isNoise(d, noise) {
  if (d.severity !== "warning") return false;
  const text = `${d.file ?? ""}: ${d.message}${d.flag ? ` [${d.flag}]` : ""}`;
  return noise.patterns.some((p) => p.test(text));
}

// src/publish/artifact-options.ts
var ArtifactInput = {
  retentionDays: "artifact-retention-days",
  compressionLevel: "artifact-compression-level"
};
var DEFAULT_COMPRESSION_LEVEL = 6;
function parseArtifactOptions(read) {
  const retention = read(ArtifactInput.retentionDays).trim();
  const compression = read(ArtifactInput.compressionLevel).trim();
  return {
    retentionDays: retention === "" ? void 0 : wholeNumber(ArtifactInput.retentionDays, retention, 1, 90, "days to keep the artifacts"),
    compressionLevel: compression === "" ? DEFAULT_COMPRESSION_LEVEL : wholeNumber(ArtifactInput.compressionLevel, compression, 0, 9, "zlib level: 0 stores, 9 packs hardest")
  };
}
function wholeNumber(input, text, min, max, what) {
  const n = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(input, text, `a whole number from ${min} to ${max} (${what})`);
  return n;
}

// src/boot/boot-inputs.ts
var KEEP_ITEMS = ["kernel", "modules", "dtbs", "debug"];
var DEFAULT_KEEP = "kernel dtbs";
var DEFAULT_BOOT_TIMEOUT = "5m";
var MIN_BOOT_TIMEOUT = 10;
var MAX_BOOT_TIMEOUT = 2 * 3600;
function parseKeep(text, split) {
  const words = split(text);
  if (words.length === 1 && words[0] === "none") return [];
  for (const w of words) {
    if (!KEEP_ITEMS.includes(w)) {
      throw new InputError(Input.keep, w, `keep lists any of ${KEEP_ITEMS.join(", ")} (System.map and the .config are always kept), or is none`);
    }
  }
  if (words.length === 0) throw new InputError(Input.keep, text, `name at least one of ${KEEP_ITEMS.join(", ")}, or none`);
  return KEEP_ITEMS.filter((item) => words.includes(item));
}
function parseBoot(text, timeoutSeconds, kvm, keep2, split) {
  if (!(timeoutSeconds >= MIN_BOOT_TIMEOUT && timeoutSeconds <= MAX_BOOT_TIMEOUT)) {
    throw new InputError(Input.bootTimeout, String(timeoutSeconds), `a boot may take from ${MIN_BOOT_TIMEOUT}s to 2h (e.g. 5m)`);
  }
  const words = split(text ?? "off");
  if (words.length === 1 && words[0] === "off") return void 0;
  let targets;
  if (words.length === 1 && words[0] === "all") targets = "all";
  else {
    for (const w of words) {
      const [arch, ...config] = w.split("/");
      if (config.length === 0 || !KERNEL_ARCHES.includes(arch)) {
        throw new InputError(Input.boot, w, "boot is off, all, or arch/config targets of the plan, e.g. x86/tinyconfig+kb-boot.config");
      }
      parseConfigSpec(Input.boot, config.join("/"));
    }
    targets = [...new Set(words)];
  }
  if (!keep2.includes("kernel")) throw new InputError(Input.keep, keep2.join(" ") || "none", "booting needs the kernel kept: add kernel to keep, or set boot to off");
  return { targets, timeoutSeconds, kvm };
}

// src/bisect/bisect-inputs.ts
var BISECT_MODES = ["off", "new-failures", "new-errors"];
var DEFAULT_BISECT_LIMIT = "1";
var MAX_BISECT_LIMIT = 20;
var DEFAULT_BISECT_TIMEOUT = "2h";
function parseBisect(mode, limit, timeoutSeconds) {
  const text = mode ?? "off";
  if (!BISECT_MODES.includes(text)) {
    throw new InputError(Input.bisect, text, "bisect is off (the default), new-failures (targets and boots that newly fail) or new-errors (also new error signatures)");
  }
  const count = limit ?? DEFAULT_BISECT_LIMIT;
  if (!/^\d{1,2}$/.test(count) || Number(count) > MAX_BISECT_LIMIT) {
    throw new InputError(Input.bisectLimit, count, `bisect-limit is a whole number from 0 to ${MAX_BISECT_LIMIT}: how many distinct new regressions to bisect`);
  }
  if (text === "off") return void 0;
  return { mode: text, limit: Number(count), timeoutSeconds };
}

// src/host-folder.ts
import { realpathSync, statSync as statSync2 } from "node:fs";
import { basename, dirname, resolve } from "node:path";
var SYSTEM_TREES = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys", "/usr"];
var SHARED_FOLDERS = ["/home", "/media", "/mnt", "/opt", "/root", "/run", "/srv", "/tmp", "/var", "/var/tmp"];
function checkHostFolder(input, value) {
  const path = resolve(value);
  let found2;
  try {
    found2 = existingPart(path);
  } catch (e) {
    throw new InputError(input, value, `it cannot be looked at (${e.code ?? e.message}); give a folder this user may write`);
  }
  const { real, blocker } = found2;
  if (blocker !== void 0) {
    throw new InputError(input, value, `${blocker} is not a folder; give a folder (it is created if missing)`);
  }
  const system = SYSTEM_TREES.find((tree) => real === tree || real.startsWith(`${tree}/`));
  if (real === "/" || system !== void 0) {
    throw new InputError(input, value, `it is ${real === "/" ? "the root folder" : `in the system folder ${system}`}${real === path ? "" : ` (through a link: ${real})`}; give a folder of its own, e.g. ~/kernelbuilder-logs`);
  }
  if (SHARED_FOLDERS.includes(real)) {
    return { path, warning: `input '${input}' is ${real}, a folder every user shares: kernelbuilder writes its folders straight into it; a folder of its own is tidier` };
  }
  return { path };
}
function existingPart(path) {
  const missing = [];
  for (let existing = path; ; existing = dirname(existing)) {
    const st = statIfThere(existing);
    if (st) {
      if (!st.isDirectory()) return { real: existing, blocker: existing };
      return { real: resolve(realpathSync(existing), ...missing) };
    }
    if (existing === "/") return { real: path };
    missing.unshift(basename(existing));
  }
}
function statIfThere(path) {
  try {
    return statSync2(path);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw e;
  }
}

// src/plan/make-vars.ts
var MAKE_VAR_RULES = {
  /** Extra warnings: levels 1, 2, 3 and e (warnings as errors), combined as in W=12 or W=1e. */
  W: { values: /^(?!.*(.).*\1)[123e]{1,4}$/, allowed: "1, 2, 3 or e, or a combination such as 12 or 1e" },
  /** Run $CHECK (sparse): 1 on re-compiled files, 2 on all. */
  C: { values: /^[12]$/, allowed: "1 or 2" },
  /** Flags for sparse. */
  CF: flags(),
  KCFLAGS: flags(),
  KAFLAGS: flags(),
  KCPPFLAGS: flags(),
  CFLAGS_KERNEL: flags(),
  CFLAGS_MODULE: flags(),
  AFLAGS_KERNEL: flags(),
  AFLAGS_MODULE: flags(),
  LDFLAGS_MODULE: flags(),
  /** With a clang image: 0 assembles with GNU as instead of clang's integrated assembler. */
  LLVM_IAS: { values: /^[01]$/, allowed: "0 or 1" },
  /** Undefined symbols at modpost are warnings, not errors. */
  KBUILD_MODPOST_WARN: { values: /^1$/, allowed: "1" }
};
function flags() {
  return { values: /^-[A-Za-z0-9_=,.+:/@%-]*( -[A-Za-z0-9_=,.+:/@%-]*)*$/, allowed: 'compiler options such as -Werror or "-Wall -Wno-unused", each starting with -, of letters, digits and _ = , . + : / @ % -' };
}
function parseMakeVars(input, text) {
  const vars = [];
  const seen = /* @__PURE__ */ new Set();
  const word = /\s*(?:([^\s="]+)=(?:"([^"]*)"|([^\s"]*))|(\S+))/y;
  let m;
  while (word.lastIndex < text.length && (m = word.exec(text)) !== null) {
    if (m[4] !== void 0) {
      throw new InputError(input, m[4], `make variables are NAME=value words (a value with spaces in double quotes), NAME one of: ${allowedNames()}`);
    }
    const [name, value] = [m[1], m[2] ?? m[3]];
    if (seen.has(name)) throw new InputError(input, name, "each make variable is given once");
    seen.add(name);
    vars.push(checkMakeVar(input, `${name}=${value}`));
  }
  return vars;
}
function checkMakeVar(input, assignment) {
  const eq = assignment.indexOf("=");
  const [name, value] = eq < 0 ? [assignment, ""] : [assignment.slice(0, eq), assignment.slice(eq + 1)];
  const rule = Object.hasOwn(MAKE_VAR_RULES, name) ? MAKE_VAR_RULES[name] : void 0;
  if (!rule) throw new InputError(input, name, `it is not a make variable kernelbuilder passes; allowed are: ${allowedNames()}`);
  if (!rule.values.test(value)) throw new InputError(input, assignment, `${name} takes ${rule.allowed}`);
  return `${name}=${value}`;
}
function allowedNames() {
  return Object.keys(MAKE_VAR_RULES).join(" ");
}

// src/inputs.ts
var DEFAULT_ARCHES = "x86 arm arm64 riscv";
var DEFAULT_CONFIGS = "defconfig";
var DEFAULT_LOGS = "kernelbuilder-logs";
var DEFAULT_TMPFS_SIZE = "60g";
var DEFAULT_LOGS_LIMIT = "2g";
function getInputs(read) {
  const source = required(read, Input.source, "the path of a kernel git repository");
  const ref = checkRefSyntax(required(read, Input.ref, "remote/branch, a remote, a tag, a branch or a sha"));
  const tree = optional(read, Input.tree);
  if (tree !== void 0) checkTreeName(tree);
  const image = optional(read, Input.image);
  if (image !== void 0 && !isImageRef(image)) {
    throw new InputError(Input.image, image, 'it must be a Docker image reference such as "kernelbuilder/gcc-12"');
  }
  const keep2 = parseKeep(optional(read, Input.keep) ?? DEFAULT_KEEP, splitList);
  const bootTimeout = parseDuration(Input.bootTimeout, optional(read, Input.bootTimeout) ?? DEFAULT_BOOT_TIMEOUT);
  const logs = readLogs(read);
  const ccache = parseCcache(optional(read, Input.ccache), optional(read, Input.ccacheDir), optional(read, Input.ccacheSize));
  return {
    source: resolve2(source),
    ref,
    tree,
    arches: parseArches(optional(read, Input.arches) ?? DEFAULT_ARCHES),
    configs: parseConfigs(optional(read, Input.configs) ?? DEFAULT_CONFIGS),
    logs: logs.path,
    image,
    imageTable: readImageTable(optional(read, Input.imageTable)),
    toolchain: parseToolchain(optional(read, Input.toolchain)),
    tmpfsSize: parseSize(Input.tmpfsSize, optional(read, Input.tmpfsSize) ?? DEFAULT_TMPFS_SIZE),
    jobs: parseJobs(optional(read, Input.jobs)),
    targetTimeout: parseDuration(Input.targetTimeout, optional(read, Input.targetTimeout)),
    memory: parseMemory(optional(read, Input.memory)),
    cpus: parseCpus(optional(read, Input.cpus)),
    logsLimit: sizeInBytes(parseSize(Input.logsLimit, optional(read, Input.logsLimit) ?? DEFAULT_LOGS_LIMIT)),
    ccache: ccache?.settings,
    baseline: parseBaseline(optional(read, Input.baseline)),
    force: parseBoolean(Input.force, optional(read, Input.force)),
    shard: parseShard(optional(read, Input.shard)),
    targets: optional(read, Input.targets) === void 0 ? void 0 : parseTargetList(optional(read, Input.targets)),
    upload: optional(read, Input.upload) === void 0 ? true : parseBoolean(Input.upload, optional(read, Input.upload)),
    artifacts: parseArtifactOptions(read),
    noise: readNoise(optional(read, Input.noise)),
    emailTo: readEmailTo(optional(read, Input.emailTo)),
    keep: keep2,
    boot: parseBoot(optional(read, Input.boot), bootTimeout, parseBoolean(Input.bootKvm, optional(read, Input.bootKvm)), keep2, splitList),
    makeVars: parseMakeVars(Input.makeVars, optional(read, Input.makeVars) ?? ""),
    kcidbOrigin: parseKcidbOrigin(optional(read, Input.kcidbOrigin) ?? DEFAULT_KCIDB_ORIGIN),
    bisect: parseBisect(optional(read, Input.bisect), optional(read, Input.bisectLimit), parseDuration(Input.bisectTimeout, optional(read, Input.bisectTimeout) ?? DEFAULT_BISECT_TIMEOUT)),
    warnings: [logs.warning, ccache?.warning].filter((w) => w !== void 0)
  };
}
function readLogs(read) {
  return checkHostFolder(Input.logs, optional(read, Input.logs) ?? DEFAULT_LOGS);
}
function parseMode(text) {
  const mode = text.trim() || "build";
  if (mode !== "build" && mode !== "plan" && mode !== "report") {
    throw new InputError(Input.mode, text, "mode is build (the default), plan (print a matrix for fan-out) or report (merge shards' results)");
  }
  return mode;
}
function splitList(text) {
  return text.split(/[\s,]+/).filter((s) => s.length > 0);
}
function parseArches(text) {
  const arches = unique(splitList(text));
  if (arches.length === 0) throw new InputError(Input.arches, text, `name at least one of: ${KERNEL_ARCHES.join(" ")}`);
  for (const arch of arches) {
    if (!KERNEL_ARCHES.includes(arch)) {
      throw new InputError(Input.arches, arch, `kernel arches are: ${KERNEL_ARCHES.join(" ")}`);
    }
  }
  return arches;
}
function parseConfigs(text) {
  const configs = unique(splitList(text));
  if (configs.length === 0) throw new InputError(Input.configs, text, "name at least one config, e.g. defconfig");
  for (const c of configs) {
    if (isPattern(c)) checkPattern(Input.configs, c);
    else parseConfigSpec(Input.configs, c);
  }
  return configs;
}
function parseToolchain(text) {
  if (text === void 0) return "gcc";
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(text)) throw new InputError(Input.toolchain, text, "it is a toolchain family of the image table, e.g. gcc or clang");
  return text;
}
var MAX_IMAGE_TABLE_BYTES = 2 ** 20;
var MAX_NOISE_BYTES = 2 ** 20;
function readImageTable(value) {
  if (value === void 0) return defaultImageTable;
  if (value.trimStart().startsWith("{")) return parseImageTable(value, Input.imageTable, value);
  return parseImageTable(readUserFile(Input.imageTable, value, MAX_IMAGE_TABLE_BYTES, "inline JSON or a JSON file"), Input.imageTable, value);
}
function readUserFile(input, path, maxBytes, what) {
  try {
    return readInputFile(path, { maxBytes, followLinks: true });
  } catch (e) {
    if (!(e instanceof FileRefusedError)) throw e;
    throw new InputError(input, path, `it must be ${what}: ${e.message}`);
  }
}
function defaultCcacheDir(env = process.env) {
  if (env.RUNNER_TOOL_CACHE) return join2(env.RUNNER_TOOL_CACHE, "kernelbuilder-ccache");
  return join2(env.HOME || homedir(), ".cache", "kernelbuilder", "ccache");
}
function actionsCcacheDir(env = process.env) {
  return join2(env.RUNNER_TEMP || tmpdir(), "kernelbuilder-ccache");
}
var ACTIONS_CCACHE_SIZE = "2g";
var HOST_CCACHE_SIZE = "20g";
function parseCcache(mode, dir, size) {
  if (mode !== void 0 && mode !== "host" && mode !== "actions" && mode !== "off") {
    throw new InputError(
      Input.ccache,
      mode,
      "ccache is 'host' (a folder on the build machine, the default), 'actions' (the Actions cache, for hosted runners) or 'off'"
    );
  }
  if (mode === "off") return void 0;
  if (mode === "actions") {
    if (dir !== void 0) {
      throw new InputError(Input.ccacheDir, dir, `it is for ccache 'host' only; with ${Input.ccache} 'actions' the folder is $RUNNER_TEMP/kernelbuilder-ccache`);
    }
    return { settings: { dir: actionsCcacheDir(), maxSize: parseSize(Input.ccacheSize, size ?? ACTIONS_CCACHE_SIZE), actionsCache: true } };
  }
  const folder = checkHostFolder(Input.ccacheDir, dir ?? defaultCcacheDir());
  return { settings: { dir: folder.path, maxSize: parseSize(Input.ccacheSize, size ?? HOST_CCACHE_SIZE) }, warning: folder.warning };
}
function parseShard(text) {
  if (text === void 0) return void 0;
  const m = /^([1-9][0-9]{0,2})\/([1-9][0-9]{0,2})$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(index >= 1 && count <= 256 && index <= count)) {
    throw new InputError(Input.shard, text, "a shard is i/N with 1 \u2264 i \u2264 N \u2264 256, e.g. 2/3");
  }
  return { index, count };
}
function parseTargetList(text) {
  const targets = unique(splitList(text));
  for (const t of targets) {
    const [arch, ...config] = t.split("/");
    if (config.length === 0 || !KERNEL_ARCHES.includes(arch)) throw new InputError(Input.targets, t, "targets are arch/config names, e.g. x86/defconfig arm64/tinyconfig");
    parseConfigSpec(Input.targets, config.join("/"));
  }
  return targets;
}
function parseBaseline(path) {
  if (path === void 0) return void 0;
  const what = "a kernelbuilder results.json, or a folder holding one (e.g. a downloaded artifact)";
  const file = statSync3(path, { throwIfNoEntry: false })?.isDirectory() ? join2(path, RESULTS_FILE) : path;
  try {
    parseResults(readUserFile(Input.baseline, file, MAX_RESULTS_BYTES, what));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(Input.baseline, file, `it must be ${what}: ${e.message}`);
  }
  return realpathSync2(file);
}
function parseBoolean(input, text) {
  if (text === void 0) return false;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  throw new InputError(input, text, "it is true or false");
}
function readNoise(path) {
  if (path === void 0) return defaultNoise;
  const text = readUserFile(Input.noise, path, MAX_NOISE_BYTES, "a file of RE2 regular expressions, one a line");
  return parseNoiseFile(text, `${Input.noise} (${path})`);
}
function readEmailTo(raw) {
  const text = raw?.trim();
  if (!text) return void 0;
  if (text.length > 1e3 || /[\r\n]/.test(text) || !/^[^,\s@]+@[^,\s@]+(\s*,\s*[^,\s@]+@[^,\s@]+)*$/.test(text)) {
    throw new InputError(Input.emailTo, text, "it is one or more addresses like maintainer@example.org, separated by commas");
  }
  return text;
}
var SIZE = /^([1-9][0-9]{0,12})([kmg]?)$/i;
var SIZE_UNITS = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
var MIN_SIZE = 16 * 2 ** 20;
var MAX_SIZE = 4 * 2 ** 40;
function parseSize(input, text) {
  const m = SIZE.exec(text.trim());
  const bytes = m ? Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()] : NaN;
  if (!(bytes >= MIN_SIZE && bytes <= MAX_SIZE)) {
    throw new InputError(input, text, "a size is a whole number with an optional unit k, m or g, from 16m to 4096g (e.g. 60g)");
  }
  return `${m[1]}${m[2].toLowerCase()}`;
}
function parseMemory(text) {
  return text === void 0 ? void 0 : sizeInBytes(parseSize(Input.memory, text));
}
function sizeInBytes(size) {
  const m = SIZE.exec(size);
  return Number(m[1]) * SIZE_UNITS[m[2]];
}
function parseCpus(text) {
  if (text === void 0) return void 0;
  const cpus = /^\d{1,4}(\.\d{1,2})?$/.test(text) ? Number(text) : NaN;
  if (!(cpus >= 0.1 && cpus <= 1024)) throw new InputError(Input.cpus, text, "cpus is a number of cores from 0.1 to 1024, e.g. 2 or 1.5");
  return cpus;
}
var DURATION = /^(\d{1,7})([smhd]?)$/;
var DURATION_UNITS = { "": 1, s: 1, m: 60, h: 3600, d: 86400 };
function parseDuration(input, text) {
  if (text === void 0) return void 0;
  const m = DURATION.exec(text.trim());
  const seconds2 = m ? Number(m[1]) * DURATION_UNITS[m[2]] : NaN;
  if (!(seconds2 >= 1 && seconds2 <= 7 * 86400)) {
    throw new InputError(input, text, "a duration is a whole number with an optional unit s, m, h or d, from 1s to 7d (e.g. 90m)");
  }
  return seconds2;
}
function parseJobs(text) {
  if (text === void 0) return availableParallelism() + 2;
  if (!/^[1-9][0-9]{0,3}$/.test(text) || Number(text) > 1024) {
    throw new InputError(Input.jobs, text, "jobs is a whole number from 1 to 1024 (default: cores + 2)");
  }
  return Number(text);
}
function checkTreeName(tree, from = "it") {
  checkPathComponent(Input.tree, tree);
  if (RESERVED_TREE_NAMES.includes(tree)) {
    throw new InputError(Input.tree, tree, `${from} names a folder the logs root keeps for itself (${RESERVED_TREE_NAMES.join(", ")}); choose another tree name`);
  }
  return tree;
}
function checkPathComponent(input, value) {
  if (!/^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,99}$/.test(value)) {
    throw new InputError(input, value, "use letters, digits and . _ + - (not starting with a dot), at most 100 characters");
  }
  return value;
}
function required(read, name, what) {
  const value = optional(read, name);
  if (value === void 0) throw new InputError(name, "", `it is required: ${what}`);
  return value;
}
function optional(read, name) {
  const value = read(name).trim();
  if (value.includes("\0")) throw new InputError(name, value, "it must not contain NUL characters");
  return value === "" ? void 0 : value;
}
function unique(items) {
  return [...new Set(items)];
}

// src/ref/git.ts
import { execFile } from "node:child_process";
function gitIn(dir) {
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  return {
    run: (args) => new Promise((resolve6, reject) => {
      execFile("git", ["-C", dir, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`git ${args.join(" ")}: ${stderr.trim() || err.message}`));
        else resolve6(stdout);
      });
    })
  };
}
async function tryGit(git, args) {
  try {
    return await git.run(args);
  } catch {
    return void 0;
  }
}

// src/plan/project-fragments.ts
import { readFileSync, readdirSync as readdirSync2 } from "node:fs";
import { join as join3 } from "node:path";
function loadProjectFragments(driverDir) {
  const root = join3(driverDir, "configs");
  const out = {};
  for (const arch of readdirSync2(root)) {
    out[arch] = {};
    for (const name of readdirSync2(join3(root, arch)).filter((n) => n.endsWith(".config"))) {
      out[arch][name] = readFileSync(join3(root, arch, name), "utf8");
    }
  }
  return out;
}
function withProjectFragments(tree, ours, names2) {
  const out = {};
  for (const [arch, files] of Object.entries(tree)) {
    out[arch] = { ...files };
    for (const name of names2) if (out[arch][name] === void 0 && ours[arch]?.[name] !== void 0) out[arch][name] = ours[arch][name];
  }
  return out;
}
function withShippedFragments(targets, tree, ours) {
  return targets.map((t) => {
    const shipped = (t.fragments ?? []).flatMap(
      (f) => f.kind === "file" && tree[t.arch]?.[f.name] === void 0 && ours[t.arch]?.[f.name] !== void 0 ? [[f.name, ours[t.arch][f.name]]] : []
    );
    return shipped.length === 0 ? t : { ...t, shippedFragments: Object.fromEntries(shipped) };
  });
}

// src/plan/plan.ts
import { basename as basename2 } from "node:path";

// src/ref/resolve.ts
var HEAD_REF = "HEAD";
async function resolveRef(git, ref) {
  const found2 = await findRef(git, ref);
  if (!found2) {
    throw new SourceError(
      `ref ${JSON.stringify(ref)} is not in the source repository: it is no remote-tracking branch, remote, tag, branch or commit there (fetch it first; list refs with 'git for-each-ref')`
    );
  }
  const { kind, remote, sha } = found2;
  const nextTree = remote === "next" || ref.startsWith("next-");
  const described = await tryGit(git, ["describe", "--match", nextTree ? "next-*" : "v*", sha]);
  return { ref, kind, remote, sha, buildId: described?.trim() || sha };
}
async function findRef(git, ref) {
  if (ref === HEAD_REF) {
    const sha = await commitOf(git, HEAD_REF);
    return sha ? { kind: "head", sha } : void 0;
  }
  const candidates = [];
  if (ref.includes("/")) candidates.push({ kind: "remote-branch", name: `refs/remotes/${ref}`, remote: ref.split("/")[0] });
  else candidates.push({ kind: "remote-head", name: `refs/remotes/${ref}/HEAD`, remote: ref });
  candidates.push({ kind: "tag", name: `refs/tags/${ref}` }, { kind: "branch", name: `refs/heads/${ref}` });
  if (/^[0-9a-f]{4,40}$/.test(ref)) candidates.push({ kind: "sha", name: ref });
  for (const c of candidates) {
    const sha = c.kind === "sha" ? await commitOf(git, c.name) : await commitOfRef(git, c.name);
    if (sha) return { kind: c.kind, remote: c.remote, sha };
  }
  return void 0;
}
async function commitOfRef(git, fullName) {
  const target = (await tryGit(git, ["show-ref", "--verify", "--hash", "--", fullName]))?.trim();
  return target ? commitOf(git, target) : void 0;
}
async function commitOf(git, name) {
  const out = await tryGit(git, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`]);
  return out?.trim() || void 0;
}

// src/ref/source-repo.ts
import { realpathSync as realpathSync3 } from "node:fs";
async function checkSourceRepo(git, source) {
  if (await tryGit(git, ["rev-parse", "--git-dir"]) === void 0) {
    throw new InputError(Input.source, source, "it must be a kernel git repository (a folder where git rev-parse works)");
  }
  const top = (await tryGit(git, ["rev-parse", "--show-toplevel"]))?.trim();
  if (top === void 0 || top === "") {
    if ((await tryGit(git, ["rev-parse", "--is-bare-repository"]))?.trim() === "true") return;
    throw new InputError(Input.source, source, "it is inside a repository's git folder: give the repository's top-level folder");
  }
  if (realpathSync3(top) !== realpathSync3(source)) {
    throw new InputError(Input.source, source, `it is a folder inside the repository at ${top}: give the repository's top-level folder`);
  }
}

// src/ref/kernel-version.ts
var import_semver2 = __toESM(require_semver2(), 1);
var MAKEFILE_FIELD = /^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\s*=[ \t]*(.*?)\s*$/;
function kernelVersionFromMakefile(makefile, localversionNext) {
  const fields = /* @__PURE__ */ new Map();
  for (const line of makefile.split("\n", 40)) {
    const m = MAKEFILE_FIELD.exec(line);
    if (m && !fields.has(m[1])) fields.set(m[1], m[2]);
  }
  const major = toNumber(fields.get("VERSION"));
  const minor = toNumber(fields.get("PATCHLEVEL"));
  if (major === void 0 || minor === void 0) return void 0;
  const sublevel = toNumber(fields.get("SUBLEVEL")) ?? 0;
  const extra = fields.get("EXTRAVERSION") ?? "";
  const rc = /^-rc(\d+)$/.exec(extra)?.[1];
  const next = /-next-(\d{8})/.exec(localversionNext ?? "")?.[1];
  const text = `${major}.${minor}.${sublevel}${extra}${next ? `-next-${next}` : ""}`;
  return { major, minor, sublevel, rc: rc === void 0 ? void 0 : Number(rc), extra, next, text };
}
function releaseOf(v) {
  return `${v.major}.${v.minor}.${v.sublevel}`;
}
function toNumber(s) {
  return s !== void 0 && /^\d+$/.test(s) ? Number(s) : void 0;
}

// src/ref/tree.ts
async function readTree(git, sha, arches, fragmentNames = []) {
  const makefile = await tryGit(git, ["cat-file", "blob", `${sha}:Makefile`]);
  const localversionNext = await tryGit(git, ["cat-file", "blob", `${sha}:localversion-next`]);
  const version = makefile === void 0 ? void 0 : kernelVersionFromMakefile(makefile, localversionNext);
  if (!version) {
    throw new SourceError(`commit ${sha} is not a kernel tree: its top-level Makefile has no VERSION and PATCHLEVEL`);
  }
  const archList = await tryGit(git, ["ls-tree", "--name-only", `${sha}:arch`]);
  if (archList === void 0) throw new SourceError(`commit ${sha} is not a kernel tree: it has no arch/ folder`);
  const treeArches = names(archList);
  const configs = {};
  const fragments = {};
  for (const arch of arches.filter((a) => treeArches.includes(a))) {
    configs[arch] = names(await tryGit(git, ["ls-tree", "--name-only", `${sha}:arch/${arch}/configs`]) ?? "");
    fragments[arch] = {};
    for (const name of fragmentNames) {
      const text = await tryGit(git, ["cat-file", "blob", `${sha}:arch/${arch}/configs/${name}`]) ?? await tryGit(git, ["cat-file", "blob", `${sha}:kernel/configs/${name}`]);
      if (text !== void 0) fragments[arch][name] = text;
    }
  }
  const log = await git.run(["log", "-3", "--format=%H%x1f%an%x1f%cI%x1f%s", sha]);
  const commits = names(log).map((line) => {
    const [commitSha, author, date, subject] = line.split("");
    return { sha: commitSha, author, date, subject };
  });
  return { version, arches: treeArches, commits, configs, fragments };
}
function names(out) {
  return out.split("\n").filter((l) => l.length > 0);
}

// src/images/select.ts
var import_semver3 = __toESM(require_semver2(), 1);
function selectImage(table, version, forced, toolchain = "gcc") {
  if (forced) return { image: forced, reason: `image ${forced} was given as input` };
  const release = releaseOf(version);
  for (const rule of table.select.filter((r) => r.toolchain === toolchain)) {
    if (import_semver3.default.satisfies(release, rule.kernels)) {
      const why = rule.why ? `: ${rule.why}` : "";
      return {
        image: rule.image,
        reason: `kernel ${version.text} (release ${release}) matches '${rule.kernels}' for ${toolchain} in the image table${why}`
      };
    }
  }
  throw new SourceError(
    `no ${toolchain} rule of the image table matches kernel ${version.text} (release ${release}); the table has ${[...new Set(table.select.map((r) => r.toolchain))].join(", ")} rules; add a rule with "kernels": "*" as the last one`
  );
}

// src/plan/costs.ts
var MB = 1024 * 1024;
var GB = 1024 * MB;
var CONFIG_CLASSES = {
  tiny: { name: "tinyconfig", cpuSeconds: 170, serialSeconds: 10, objects: 440, objdirBytes: 36 * MB, memoryPerJobBytes: 200 * MB },
  small: { name: "allnoconfig", cpuSeconds: 270, serialSeconds: 8, objects: 610, objdirBytes: 70 * MB, memoryPerJobBytes: 200 * MB },
  default: { name: "defconfig", cpuSeconds: 2100, serialSeconds: 60, objects: 2400, objdirBytes: 330 * MB, memoryPerJobBytes: 250 * MB },
  all: { name: "allmodconfig", cpuSeconds: 26e3, serialSeconds: 400, objects: 3e4, objdirBytes: 4 * GB, memoryPerJobBytes: 350 * MB }
};
function configClass(t) {
  const base = (t.base ?? t.config).toLowerCase();
  if (base === "allmodconfig" || base === "allyesconfig") return CONFIG_CLASSES.all;
  if (base === "tinyconfig" || base.includes("tiny")) return CONFIG_CLASSES.tiny;
  if (base === "allnoconfig" || base.includes("nommu")) return CONFIG_CLASSES.small;
  return CONFIG_CLASSES.default;
}
function targetCosts(targets, previous = /* @__PURE__ */ new Map()) {
  return new Map(
    targets.map((t) => {
      const cls = configClass(t);
      const before = previous.get(targetName(t));
      const passed = before?.status === "pass" ? before : void 0;
      const positive = (n) => n !== void 0 && Number.isFinite(n) && n > 0;
      const measured = { cpuSeconds: positive(passed?.cpuSeconds), objects: positive(passed?.objects), objdirBytes: positive(passed?.objdirBytes) };
      return [
        targetName(t),
        {
          cpuSeconds: measured.cpuSeconds ? passed.cpuSeconds : cls.cpuSeconds,
          serialSeconds: cls.serialSeconds,
          objects: measured.objects ? passed.objects : cls.objects,
          objdirBytes: measured.objdirBytes ? passed.objdirBytes : cls.objdirBytes,
          memoryPerJobBytes: cls.memoryPerJobBytes,
          measured
        }
      ];
    })
  );
}

// src/plan/estimate.ts
function staticEstimate(t) {
  return configClass(t).cpuSeconds;
}
function estimateTargets(targets, previous = /* @__PURE__ */ new Map()) {
  return new Map(targets.map((t) => [targetName(t), previous.get(targetName(t)) ?? staticEstimate(t)]));
}
function expectedWork(costs) {
  return Object.fromEntries(Object.entries(costs).map(([name, c]) => [name, { cpuSeconds: c.cpuSeconds, objects: c.objects, objectsCounted: c.measured.objects }]));
}
function longestFirst(targets, estimates) {
  return [...targets].sort((a, b) => (estimates.get(targetName(b)) ?? 0) - (estimates.get(targetName(a)) ?? 0));
}
function shardTargets(targets, estimates, count) {
  const shards = Array.from({ length: count }, () => ({ cost: 0, targets: [] }));
  for (const t of longestFirst(targets, estimates)) {
    const lightest = shards.reduce((min, s) => s.cost < min.cost ? s : min);
    lightest.targets.push(t);
    lightest.cost += estimates.get(targetName(t)) ?? 0;
  }
  return shards.map((s) => s.targets);
}

// src/plan/space.ts
var MIB = 2 ** 20;
var INDEX_BYTES_PER_FILE = 104;
var PAGE_BYTES = 4096;
var SPACE_MARGIN_CAP_BYTES = 512 * MIB;
function spaceLimitBytes(tmpfsBytes, checkoutBytes = 0) {
  return Math.max(0, tmpfsBytes - checkoutBytes - Math.min(Math.floor(tmpfsBytes / 10), SPACE_MARGIN_CAP_BYTES));
}
function fitsInSpace(running, next, limitBytes) {
  return running.length === 0 || running.reduce((sum, b) => sum + b, 0) + next <= limitBytes;
}
function checkoutBytesOf(lsTree) {
  let bytes = 0;
  for (const line of lsTree.split("\n")) {
    const size = Number(/^\S+ blob \S+ +(\d+)\t/.exec(line)?.[1]);
    if (Number.isFinite(size)) bytes += Math.ceil(size / PAGE_BYTES) * PAGE_BYTES + INDEX_BYTES_PER_FILE;
  }
  return bytes;
}

// src/plan/source-layout.ts
import { existsSync, lstatSync as lstatSync2, readFileSync as readFileSync2, readlinkSync, realpathSync as realpathSync4, statSync as statSync4 } from "node:fs";
import { join as join4, posix, relative, resolve as resolve3 } from "node:path";
var SOURCE_MOUNT = "/src";
var MAX_ALTERNATE_DEPTH = 5;
var MAX_GIT_FILE = 64 * 1024;
var RESERVED = ["/build", "/logs", "/ccache", DRIVER_MOUNT, "/proc", "/sys", "/dev"];
var SYSTEM = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/usr", "/etc", "/var", "/opt", "/root", "/home", "/run", "/tmp", "/srv", "/mnt", "/media"];
function sourceMounts(source, paths) {
  const layout = new Layout(source);
  const dotGit = join4(source, ".git");
  const st = lstatSync2(dotGit, { throwIfNoEntry: false });
  let gitDir;
  if (st?.isDirectory()) {
    gitDir = { host: dotGit, container: `${SOURCE_MOUNT}/.git` };
  } else if (st) {
    const named = st.isSymbolicLink() ? readlinkSync(dotGit) : parseGitFile(layout.readSmall(dotGit));
    if (named === void 0) layout.refuse(`${dotGit} is neither a git dir nor a "gitdir: PATH" file`);
    gitDir = { host: resolve3(source, named), container: posix.resolve(SOURCE_MOUNT, named) };
  } else if (samePath(paths.gitDir, source)) {
    gitDir = { host: source, container: SOURCE_MOUNT };
  } else {
    layout.refuse(`it is a folder inside the repository whose git dir is ${paths.gitDir}: give the repository's top folder`);
  }
  layout.mustExist(gitDir.host, `${dotGit} names the git dir ${gitDir.host}`);
  if (!samePath(gitDir.host, paths.gitDir)) layout.refuse(`${dotGit} names ${gitDir.host}, but git uses ${paths.gitDir} (is GIT_DIR set?)`);
  const commondirFile = join4(gitDir.host, "commondir");
  const commonText = existsSync(commondirFile) ? layout.readSmall(commondirFile).trim() : void 0;
  const common = commonText ? { host: resolve3(gitDir.host, commonText), container: posix.resolve(gitDir.container, commonText) } : gitDir;
  layout.mustExist(common.host, `${commondirFile} names the common git dir ${common.host}`);
  if (!samePath(common.host, paths.commonDir)) layout.refuse(`${commondirFile} names ${common.host}, but git uses ${paths.commonDir}`);
  layout.place(common.host, common.container, `the common git dir ${common.host}`);
  layout.place(gitDir.host, gitDir.container, `the git dir ${gitDir.host}`);
  layout.followAlternates({ host: join4(common.host, "objects"), container: posix.join(common.container, "objects") }, 1, /* @__PURE__ */ new Set());
  return layout.mounts;
}
function parseGitFile(text) {
  const m = /^gitdir: (.+?)\s*$/.exec(text.split("\n")[0]);
  return m ? m[1] : void 0;
}
function parseAlternates(text) {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
var Layout = class {
  constructor(source) {
    this.source = source;
    this.root = { host: realpathSync4(source), container: SOURCE_MOUNT, why: "the source" };
  }
  source;
  mounts = [];
  root;
  refuse(reason) {
    throw new InputError(Input.source, this.source, `the build container could not use this repository: ${reason}`);
  }
  /** A small regular file of the repository's own: a FIFO or a huge file there must not hang or flood the plan. */
  readSmall(path) {
    const st = lstatSync2(path);
    if (!st.isFile() || st.size > MAX_GIT_FILE) this.refuse(`${path} is not a regular file of at most ${MAX_GIT_FILE} bytes`);
    return readFileSync2(path, "utf8");
  }
  mustExist(path, what) {
    if (!statSync4(path, { throwIfNoEntry: false })?.isDirectory()) this.refuse(`${what}, which is not a folder here`);
  }
  /** Mount `host` at `container`, unless a mount already shows it there; refuse what would clash. */
  place(hostPath, container, why) {
    const host = realpathSync4(hostPath);
    for (const m of [this.root, ...this.mounts]) {
      if (!within(container, m.container)) continue;
      if (samePath(join4(m.host, relative(m.container, container)), host)) return;
      this.refuse(`${why} would be seen at ${container}, inside the mount of ${m.why}, which holds something else there`);
    }
    for (const r of RESERVED) {
      if (within(container, r) || within(r, container)) this.refuse(`${why} would have to be mounted at ${container}, over the build's own ${r}`);
    }
    for (const s of [...SYSTEM, SOURCE_MOUNT]) {
      if (within(s, container)) this.refuse(`${why} would have to be mounted at ${container}, over the image's ${s}`);
    }
    for (const m of [...this.mounts]) {
      if (!within(m.container, container)) continue;
      if (!samePath(join4(host, relative(container, m.container)), m.host)) {
        this.refuse(`${why} would be mounted at ${container}, over ${m.why} at ${m.container}, which it does not hold`);
      }
      this.mounts.splice(this.mounts.indexOf(m), 1);
    }
    this.mounts.push({ host, container, why });
  }
  /** Mount every object store `objects` borrows from, and those they borrow from, as git resolves them. */
  followAlternates(objects, depth, seen) {
    const file = join4(objects.host, "info", "alternates");
    if (!existsSync(file)) return;
    const real = realpathSync4(objects.host);
    if (seen.has(real)) return;
    seen.add(real);
    for (const named of parseAlternates(this.readSmall(file))) {
      if (named.startsWith('"')) this.refuse(`${file} names a quoted path, which kernelbuilder does not read; use a plain absolute path`);
      if (depth > MAX_ALTERNATE_DEPTH) this.refuse(`${file} is more than ${MAX_ALTERNATE_DEPTH} alternates deep, and git ignores alternates past that`);
      const alternate = { host: resolve3(objects.host, named), container: posix.resolve(objects.container, named) };
      this.mustExist(alternate.host, `${file} names the object store ${named}`);
      this.place(alternate.host, alternate.container, `the object store ${named} that ${file} names`);
      this.followAlternates(alternate, depth + 1, seen);
    }
  }
};
function within(path, dir) {
  return path === dir || path.startsWith(dir === "/" ? "/" : `${dir}/`);
}
function samePath(a, b) {
  try {
    return realpathSync4(a) === realpathSync4(b);
  } catch {
    return false;
  }
}

// src/plan/plan.ts
async function makePlan(inputs, git, projectFragments) {
  await checkSourceRepo(git, inputs.source);
  const gitPaths = (await tryGit(git, ["rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir"]))?.split("\n");
  if (gitPaths === void 0) {
    throw new InputError(Input.source, inputs.source, "it must be a kernel git repository (a folder where git rev-parse works)");
  }
  const mounts = sourceMounts(inputs.source, { gitDir: gitPaths[0], commonDir: gitPaths[1] });
  const ref = await resolveRef(git, inputs.ref);
  const fragmentNames = inputs.configs.filter((c) => !isPattern(c)).flatMap((c) => c.split("+").slice(1).filter((f) => f.endsWith(".config")));
  const treeFacts = await readTree(git, ref.sha, inputs.arches, [...new Set(fragmentNames)]);
  const tree = { ...treeFacts, fragments: withProjectFragments(treeFacts.fragments, projectFragments, fragmentNames) };
  const image = selectImage(inputs.imageTable, tree.version, inputs.image, inputs.toolchain);
  const { targets: asked, dropped } = planTargets(inputs.arches, inputs.configs, tree);
  const planned = withShippedFragments(asked, treeFacts.fragments, projectFragments);
  const treeName = inputs.tree ?? ref.remote ?? basename2(inputs.source);
  if (inputs.tree === void 0 && RESERVED_TREE_NAMES.includes(pathSafe(treeName))) {
    checkTreeName(pathSafe(treeName), ref.remote === void 0 ? "the source folder's name" : `the remote of ref ${JSON.stringify(ref.ref)}`);
  }
  const previous = previousTargets(treeDir(inputs.logs, treeName));
  const estimates = estimateTargets(planned, previousDurations(previous));
  const targets = selectShard(planned, inputs);
  const checkoutBytes = checkoutBytesOf(await tryGit(git, ["ls-tree", "-r", "-l", ref.sha]) ?? "");
  const remoteUrl = ref.remote === void 0 ? void 0 : (await tryGit(git, ["remote", "get-url", "--", ref.remote]))?.trim();
  return {
    source: inputs.source,
    sourceMounts: mounts,
    tree: treeName,
    ref,
    ...remoteUrl ? { remoteUrl } : {},
    version: tree.version,
    commits: tree.commits,
    image,
    targets,
    allTargets: planned.map(targetName),
    estimates: Object.fromEntries(estimates),
    costs: Object.fromEntries(targetCosts(targets, previous)),
    checkoutBytes,
    spaceLimitBytes: spaceLimitBytes(sizeInBytes(inputs.tmpfsSize), checkoutBytes),
    ...inputs.shard ? { shard: inputs.shard } : {},
    dropped,
    logsDir: buildDir(inputs.logs, treeName, ref.buildId),
    jobs: inputs.jobs,
    tmpfsSize: inputs.tmpfsSize,
    limits: {
      ...inputs.targetTimeout ? { targetTimeout: inputs.targetTimeout } : {},
      ...inputs.memory ? { memory: inputs.memory } : {},
      ...inputs.cpus ? { cpus: inputs.cpus } : {},
      logs: inputs.logsLimit
    },
    ...inputs.ccache ? { ccache: inputs.ccache } : {},
    makeVars: inputs.makeVars,
    keep: inputs.keep,
    ...inputs.boot ? { boot: { ...inputs.boot, targets: bootTargets(inputs.boot, planned, targets) } } : {}
  };
}
function bootTargets(boot, planned, mine) {
  const names2 = mine.map(targetName);
  if (boot.targets === "all") return names2;
  const known = new Set(planned.map(targetName));
  const unknown = boot.targets.filter((t) => !known.has(t));
  if (unknown.length > 0) throw new InputError(Input.boot, unknown.join(" "), `each target to boot must be one of the plan's: ${[...known].join(" ")}`);
  return names2.filter((n) => boot.targets.includes(n));
}
function selectShard(planned, inputs) {
  let chosen = planned;
  if (inputs.targets) {
    const names2 = new Set(planned.map(targetName));
    const unknown = inputs.targets.filter((t) => !names2.has(t));
    if (unknown.length > 0) throw new InputError(Input.targets, unknown.join(" "), `each target must be one of the plan's: ${[...names2].join(" ")}`);
    chosen = planned.filter((t) => inputs.targets.includes(targetName(t)));
  } else if (inputs.shard) {
    const mine = new Set(shardTargets(chosen, estimateTargets(chosen), inputs.shard.count)[inputs.shard.index - 1].map(targetName));
    chosen = chosen.filter((t) => mine.has(targetName(t)));
    if (chosen.length === 0) throw new InputError(Input.shard, `${inputs.shard.index}/${inputs.shard.count}`, `the plan has ${planned.length} targets: fewer shards are needed`);
  }
  return chosen;
}

// src/results/results.ts
var STATUS_HEAD = /^(pass|fail|timeout) (\d+) (config|olddefconfig|build) (\d+) (\d+)((?:\s.*)?)$/s;
var STATUS_FIGURE = /^\d{1,15}$/;
var STATUS_FIGURES = ["cpuMs", "objdirBytes", "spaceWaitSeconds"];
function parseTargetStatus(text) {
  const m = STATUS_HEAD.exec(text);
  if (!m) return void 0;
  const record = { status: m[1], exitCode: Number(m[2]), stage: m[3], startMs: Number(m[4]), endMs: Number(m[5]) };
  const figures = m[6].trim().split(/\s+/);
  STATUS_FIGURES.forEach((name, i) => {
    if (STATUS_FIGURE.test(figures[i] ?? "")) record[name] = Number(figures[i]);
  });
  return record;
}
function parseMemoryPeak(text) {
  const trimmed = text?.trim() ?? "";
  return STATUS_FIGURE.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : void 0;
}
function collectResults(args) {
  const { plan, image, statuses, startedAt, finishedAt, driverExitCode, stoppedBy, ccache } = args;
  const toolchains = parseToolchains(args.toolchains ?? "");
  const targets = plan.targets.map((t) => {
    const paths = targetPaths(t.arch, t.config);
    const record = parseTargetStatus(statuses.get(targetName(t)) ?? "");
    const base = { target: targetName(t), arch: t.arch, config: t.config, ...configSteps(t), ...t.requires?.length ? { requires: t.requires } : {}, log: paths.log };
    if (!record) return { ...base, status: "error", ...stoppedBy ? { reason: stoppedBy } : {} };
    return {
      ...base,
      status: record.status === "pass" ? "pass" : "fail",
      ...record.status === "timeout" ? { reason: "timeout" } : {},
      stage: record.stage,
      exitCode: record.exitCode,
      durationSeconds: Math.round((record.endMs - record.startMs) / 100) / 10,
      ...record.cpuMs === void 0 ? {} : { cpuSeconds: Math.round(record.cpuMs / 100) / 10 },
      ...record.objdirBytes ? { objdirBytes: record.objdirBytes } : {},
      ...record.spaceWaitSeconds === void 0 ? {} : { spaceWaitSeconds: record.spaceWaitSeconds },
      dotConfig: paths.dotConfig
    };
  });
  const error2 = runError(driverExitCode, stoppedBy, args.driverTail ?? []);
  const peakMemoryBytes = parseMemoryPeak(args.memoryPeak);
  return {
    schema: 1,
    complete: !error2 && targets.every((t) => t.status !== "error"),
    result: error2 ? "error" : targetsResult(targets),
    ...error2 ? { error: error2 } : {},
    tree: plan.tree,
    ref: plan.ref.ref,
    refKind: plan.ref.kind,
    remote: plan.ref.remote,
    remoteUrl: plan.remoteUrl,
    source: plan.source,
    ...plan.sourceMounts.length > 0 ? { sourceMounts: plan.sourceMounts } : {},
    sha: plan.ref.sha,
    buildId: plan.ref.buildId,
    kernelVersion: plan.version.text,
    image: {
      name: image.name,
      id: image.id,
      digest: image.digest,
      toolchain: image.toolchain,
      reason: plan.image.reason,
      cross: image.cross,
      makeVars: image.makeVars
    },
    ...plan.makeVars.length > 0 ? { makeVars: plan.makeVars } : {},
    tmpfsSize: plan.tmpfsSize,
    ...Object.keys(toolchains).length > 0 ? { toolchains } : {},
    commits: plan.commits,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1e3),
    ...peakMemoryBytes === void 0 ? {} : { peakMemoryBytes },
    driverExitCode,
    ...ccache ? { ccache } : {},
    targets,
    targetOrder: plan.allTargets,
    ...plan.shard ? { shard: `${plan.shard.index}/${plan.shard.count}` } : {},
    dropped: plan.dropped
  };
}
function configSteps(t) {
  const shipped = Object.entries(t.shippedFragments ?? {}).map(([name, text]) => [name, text.replace(/\n$/, "").split("\n")]);
  return {
    ...t.base === void 0 ? {} : { base: t.base },
    ...t.fragments?.length ? { fragments: t.fragments.map(fragmentWord) } : {},
    ...shipped.length > 0 ? { shippedFragments: Object.fromEntries(shipped) } : {}
  };
}
function runError(driverExitCode, stoppedBy, tail) {
  if (driverExitCode === 0 || stoppedBy) return void 0;
  const message = driverExitCode < 0 ? "the build container did not run to its end (no exit code): no verdict on the kernel" : `the build's set-up in the container failed (driver exit ${driverExitCode}; checkout or tools): no verdict on the kernel`;
  return { message, lines: tail };
}
function parseToolchains(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const tab = line.indexOf("	");
    if (tab > 0) out[line.slice(0, tab)] = line.slice(tab + 1).trim();
  }
  return out;
}
function overallResult(builds) {
  if (builds.some((b) => b.result === "error")) return "error";
  return builds.every((b) => b.result === "pass") ? "pass" : "fail";
}
function failedTargets(results) {
  return results.targets.filter((t) => t.status !== "pass").map((t) => t.target);
}
function failedBoots(results) {
  return results.targets.filter((t) => t.boot?.status === "fail").map((t) => t.target);
}
function targetsResult(targets) {
  return targets.every((t) => t.status === "pass" && t.boot?.status !== "fail") ? "pass" : "fail";
}

// src/report/write-reports.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join as join8 } from "node:path";

// src/report/format-issue.ts
function formatIssue(i) {
  let at = "";
  if (i.file !== void 0) at = `${i.file}${i.line === void 0 ? "" : `:${i.line}`}${i.column === void 0 ? "" : `:${i.column}`}: `;
  const times = i.count > 1 ? ` (${i.count}\xD7)` : "";
  return `${at}${i.severity}: ${i.message}${i.flag ? ` [${i.flag}]` : ""}${times}`;
}

// src/shell-quote.ts
function shellQuote(text) {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

// src/report/reproducer.ts
function reproducer(results, target) {
  const make = makeCommand(results, target);
  const script = [
    // Each step stops the script when it fails, as `|| exit` does in steps.sh.
    "set -e",
    // The repo belongs to the runner, not to the image's build user. Only a global setting
    // reaches the upload-pack a local clone runs: git clears `-c` and GIT_CONFIG_* for it.
    `git config --global safe.directory '*'`,
    `git clone -q --shared --no-checkout /src /build/src`,
    `git -C /build/src checkout -q --detach ${results.sha}`,
    `${make} ${target.base ?? target.config}`,
    ...(target.fragments ?? []).flatMap((word) => fragmentSteps(target, parseFragment("fragments", word, word), make)),
    `${make} olddefconfig`,
    `${make} -k -j$(nproc)`
  ].join("\n");
  return [
    `# ${target.target} of ${results.tree}/${results.buildId} (${results.image.name}, ${results.image.toolchain})`,
    `docker run --rm --network none --tmpfs /build:size=${results.tmpfsSize},exec,mode=1777 -e HOME=/build \\`,
    `  --mount type=bind,src=${shellQuote(results.source ?? "/path/to/linux")},dst=/src,readonly \\`,
    ...(results.sourceMounts ?? []).map((m) => `  --mount type=bind,src=${shellQuote(m.host)},dst=${shellQuote(m.container)},readonly \\`),
    `  --entrypoint /bin/bash ${results.image.digest} -c ${shellQuote(script)}`
  ].join("\n");
}
function makeCommand(results, target) {
  const cross = results.image.cross[target.arch] ?? "";
  return [
    "make -C /build/src O=/build/out",
    `ARCH=${target.arch}`,
    ...cross ? [`CROSS_COMPILE=${cross}`] : [],
    ...results.image.makeVars,
    ...(results.makeVars ?? []).map(shellQuote)
  ].join(" ");
}
var SCRIPTS_CONFIG = { y: "--enable", n: "--disable", m: "--module" };
function fragmentSteps(target, f, make) {
  if (f.kind === "option") {
    const op = SCRIPTS_CONFIG[f.value];
    return [`/build/src/scripts/config --file /build/out/.config ${op ? `${op} ${f.option}` : `--set-val ${f.option} ${shellQuote(f.value)}`}`];
  }
  const shipped = target.shippedFragments?.[f.name];
  if (shipped === void 0) return [`${make} ${f.name}`];
  let end = "EOF";
  while (shipped.includes(end)) end += "_";
  return [`cat >/build/src/arch/${target.arch}/configs/${f.name} <<'${end}'`, ...shipped, end, `${make} ${f.name}`];
}

// src/report/outcome.ts
function describeOutcome(t) {
  if (t.status === "pass") return "pass";
  if (t.status === "error") {
    if (t.reason === "cancelled") return "cancelled";
    return t.reason ? `stopped: ${t.reason}` : "did not finish";
  }
  if (t.reason) return `failed: ${t.reason}`;
  return `failed at ${t.stage}, exit ${t.exitCode}`;
}
function detailedFailures(results) {
  return results.targets.filter((t) => t.status !== "pass" && !(results.error && t.status === "error"));
}

// src/report/changes.ts
var NEW_ISSUES_SHOWN = 30;
function changeLines(results) {
  const r = results.regressions;
  if (!r) return [];
  const issues = new Map((results.issues ?? []).map((i) => [i.signature, i]));
  const fresh = r.newIssues.map((s) => issues.get(s)).filter((i) => i !== void 0);
  const lines = [`New since ${r.baseline.buildId} (${r.baseline.sha.slice(0, 12)}):`];
  const failingBoots = r.newlyFailingBoots ?? [];
  if (r.newlyFailing.length > 0) lines.push(`  newly failing: ${r.newlyFailing.join(" ")}`);
  if (failingBoots.length > 0) lines.push(`  newly failing to boot: ${failingBoots.join(" ")}`);
  if (fresh.length === 0 && r.newlyFailing.length === 0 && failingBoots.length === 0) lines.push("  nothing new");
  for (const i of fresh.slice(0, NEW_ISSUES_SHOWN)) lines.push(`>> ${formatIssue(i)}  [${i.targets.join(" ")}]`);
  if (fresh.length > NEW_ISSUES_SHOWN) lines.push(`>> ... and ${fresh.length - NEW_ISSUES_SHOWN} more new issues (results.json)`);
  if (r.newlyPassing.length > 0) lines.push(`  newly passing: ${r.newlyPassing.join(" ")}`);
  if ((r.newlyPassingBoots ?? []).length > 0) lines.push(`  newly booting: ${r.newlyPassingBoots.join(" ")}`);
  if (r.fixedIssues.length > 0) lines.push(`  fixed: ${r.fixedIssues.length} issues of the baseline are gone`);
  return lines;
}
var GROWING_SHOWN = 5;
function sizeLines(results) {
  const moved = (results.regressions?.sizes ?? []).filter((s) => s.delta !== 0 || s.imageDelta !== 0);
  if (moved.length === 0) return [];
  const lines = [`Size since ${results.regressions.baseline.buildId} (text+data+bss, image):`];
  for (const s of moved) {
    const total2 = s.after.text + s.after.data + s.after.bss;
    lines.push(`  ${s.target}: ${signed(s.delta)} bytes (${total2}), image ${signed(s.imageDelta)} bytes (${s.after.imageBytes})`);
    for (const g of (s.growing ?? []).slice(0, GROWING_SHOWN)) lines.push(`      ${signed(g.delta).padStart(8)} ${g.name} (${g.before} -> ${g.after})`);
  }
  return lines;
}
function signed(n) {
  return n > 0 ? `+${n}` : String(n);
}

// src/report/bisect-lines.ts
function bisectLines(results) {
  const bisects = results.bisects ?? [];
  if (bisects.length === 0) return [];
  const lines = ["First bad commit:"];
  for (const b of bisects) {
    lines.push("", `${b.regression}:`);
    const where2 = b.folder ? `  bisect: ${b.folder}/ (${b.builds} builds, ${b.durationSeconds}s)` : void 0;
    if (b.culprit) {
      const c = b.culprit;
      lines.push(`  commit: ${c.sha} [${c.position.k}/${c.position.n}]`, `  subject: ${c.subject}`, `  author: ${c.author}`, `  date: ${c.date}`);
    } else {
      lines.push(`  no culprit (${b.result}): ${b.reason ?? "no reason given"}`);
    }
    if (where2) lines.push(where2);
  }
  return lines;
}

// src/parse/diagnostic.ts
var BOOT_KINDS = /* @__PURE__ */ new Set(["panic", "oops", "bug", "boot-warning", "kasan", "ubsan", "hung-task", "rcu-stall"]);

// src/report/boot-lines.ts
function describeBoot(boot) {
  if (boot.status === "pass") {
    const warnings = boot.warnings ? `, ${boot.warnings} boot warning${boot.warnings === 1 ? "" : "s"}` : "";
    return `pass (${boot.release ?? "booted"}${warnings})`;
  }
  if (boot.status === "skipped") return `skipped: ${boot.message ?? ""}`;
  return `fail: ${boot.reason}${boot.message ? `: ${boot.message}` : ""}`;
}
function bootIssues(results, t) {
  return (results.issues ?? []).filter((i) => BOOT_KINDS.has(i.kind) && i.targets.includes(t.target));
}
function bootSectionLines(results) {
  const booted = results.targets.filter((t) => t.boot);
  if (booted.length === 0) return [];
  const counts = { pass: 0, fail: 0, skipped: 0 };
  for (const t of booted) counts[t.boot.status]++;
  const lines = [`Boot: ${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`];
  for (const t of booted) {
    const boot = t.boot;
    const how = boot.machine ? ` [${boot.machine}${boot.durationSeconds === void 0 ? "" : `, ${boot.durationSeconds} s`}]` : "";
    lines.push(`  ${t.target}: ${describeBoot(boot)}${how}`);
    for (const i of bootIssues(results, t)) lines.push(`      ${formatIssue(i)}`);
    if (boot.console && boot.status === "fail") lines.push(`      console: ${boot.console}`);
  }
  return lines;
}

// src/diagnostics/recipe-failure.ts
function isRecipeFailure(d) {
  return d.kind === "make" && /^\[.*\] Error \d+$/.test(d.message);
}

// src/diagnostics/tally.ts
function tally(d, noise) {
  if (isRecipeFailure(d)) return void 0;
  if (BOOT_KINDS.has(d.kind)) return d.severity === "error" ? "bootErrors" : d.severity === "warning" ? "bootWarnings" : void 0;
  if (d.kind === "sparse") return d.severity === "note" ? void 0 : noise ? "noise" : "sparse";
  if (d.severity === "error") return "errors";
  if (d.severity !== "warning") return void 0;
  if (noise) return "noise";
  if (d.kind === "section-mismatch") return "sectionMismatches";
  if (d.kind === "syscall") return "syscalls";
  return "warnings";
}

// src/report/mebibytes.ts
function mebibytes(bytes) {
  const mib = bytes / 2 ** 20;
  return `${mib >= 1 ? Math.round(mib).toLocaleString("en-US") : mib.toFixed(1)} MiB`;
}

// src/report/new-first.ts
function listsNewOnly(results, tallied) {
  if (!results.regressions) return false;
  if (tallied === "sparse") return true;
  return tallied === "warnings" && (results.makeVars ?? []).some((v) => /^W=\S/.test(v));
}
function newFirst(results, tallied, issues) {
  if (!listsNewOnly(results, tallied)) return { listed: issues.map((issue) => ({ issue, fresh: false })), known: 0 };
  const fresh = new Set(results.regressions.newIssues);
  const listed = issues.filter((i) => fresh.has(i.signature)).map((issue) => ({ issue, fresh: true }));
  return { listed, known: issues.length - listed.length };
}

// src/report/summary.ts
var SUMMARY_LIMIT = 1e3 * 1024;
var LINE_LIMIT = 400;
var TOP_WARNINGS = 20;
var STATUS_MARK = { pass: "\u2705", fail: "\u274C", error: "\u26A0\uFE0F" };
var BOOT_MARK = { pass: "\u2705", fail: "\u274C", skipped: "\u2796" };
var RESULT_WORD = { pass: "pass", fail: "FAIL", error: "ERROR" };
function renderSummary(results, limit = SUMMARY_LIMIT) {
  const changes = changeLines(results);
  const sizes = sizeLines(results);
  const bisects = bisectLines(results);
  const blocks = [
    headline(results),
    ...results.error ? [runError2(results.error)] : [],
    ...changes.length > 0 ? [`### ${changes[0]}

${fenced(changes.slice(1))}`] : [],
    ...bisects.length > 0 ? [`### ${bisects[0].replace(/:$/, "")}

${fenced(bisects.slice(2))}`] : [],
    ...sizes.length > 0 ? [`### ${sizes[0]}

${fenced(sizes.slice(1))}`] : [],
    archTable(results),
    targetTable(results)
  ];
  for (const t of detailedFailures(results)) blocks.push(failedTarget(results, t));
  for (const t of results.targets.filter((t2) => t2.boot?.status === "fail")) blocks.push(failedBoot(results, t));
  for (const [tallied, title] of TOP_LISTS) {
    const block = topIssues(results, tallied, title);
    if (block) blocks.push(block);
  }
  if (results.dropped.length > 0) {
    blocks.push(["Not built:", ...results.dropped.map((d) => `- ${d.arch}${d.config ? `/${d.config}` : ""}: ${d.reason}`)].join("\n"));
  }
  let out = "";
  for (const [i, block] of blocks.entries()) {
    const note = `
_${blocks.length - i} more sections left out to stay under the runner's summary limit: see results.json in the logs._
`;
    if (Buffer.byteLength(out) + Buffer.byteLength(block) + Buffer.byteLength(note) + 2 > limit) return out + note;
    out += `${block}

`;
  }
  return out;
}
function headline(r) {
  const passed = r.targets.filter((t) => t.status === "pass").length;
  const c = r.counts;
  const counts = c ? ` ${c.errors} errors, ${c.warnings} warnings, ${c.sectionMismatches} section mismatches${c.sparse ? `, ${c.sparse} sparse findings` : ""}${c.noise ? `, ${c.noise} known-noise warnings filtered` : ""}.` : "";
  return [
    `## kernelbuilder: ${r.tree}/${r.buildId} \u2014 ${RESULT_WORD[r.result]}`,
    "",
    `**${passed}/${r.targets.length} targets passed** in ${r.durationSeconds} s.${counts}${spaceLine(r)}`,
    "",
    `Linux ${r.kernelVersion} at \`${r.sha.slice(0, 12)}\` (ref \`${r.ref}\`); image \`${r.image.name}\` (${r.image.toolchain}, \`${r.image.digest.slice(0, 19)}\u2026\`).` + (r.ccache ? ` ccache: ${r.ccache.hits} hits, ${r.ccache.misses} misses (${Math.round(r.ccache.hitRate * 100)}%).` : ""),
    ...r.toolchains ? ["", `Toolchains: ${Object.entries(r.toolchains).map(([arch, line]) => `${arch} \`${line}\``).join(", ")}.`] : [],
    ...r.complete || r.error ? [] : ["", `**The run did not complete** (driver exit ${r.driverExitCode}): targets marked "did not finish" have no verdict.`]
  ].join("\n");
}
function spaceLine(r) {
  const largest = r.targets.reduce((max, t) => (t.objdirBytes ?? 0) > (max?.objdirBytes ?? 0) ? t : max, void 0);
  const waited = r.targets.filter((t) => (t.spaceWaitSeconds ?? 0) > 0).length;
  const parts = [
    ...r.peakMemoryBytes ? [`peak memory ${mebibytes(r.peakMemoryBytes)}`] : [],
    ...largest ? [`largest object dir ${mebibytes(largest.objdirBytes)} (${largest.target})`] : [],
    ...waited > 0 ? [`${waited} target${waited === 1 ? "" : "s"} waited for space on /build`] : []
  ];
  return parts.length > 0 ? ` ${parts.join("; ").replace(/^./, (c) => c.toUpperCase())}.` : "";
}
function timeCell(t) {
  if (t.durationSeconds === void 0) return "";
  return `${t.durationSeconds} s${t.spaceWaitSeconds ? ` (+${t.spaceWaitSeconds} s waiting for space)` : ""}`;
}
function runError2(error2) {
  const lines = error2.lines.map((l) => l.length > LINE_LIMIT ? `${l.slice(0, LINE_LIMIT)}\u2026` : l);
  return [`### ${STATUS_MARK.error} Run error: ${error2.message}`, "", `The end of the driver's output (\`${DRIVER_LOG}\`):`, "", fenced(lines.length > 0 ? lines : ["(no output)"])].join("\n");
}
function archTable(r) {
  const arches = [...new Set(r.targets.map((t) => t.arch))];
  const rows = arches.map((arch) => {
    const ts = r.targets.filter((t) => t.arch === arch);
    const sum = (f) => ts.reduce((n, t) => n + (f(t) ?? 0), 0);
    return `| ${arch} | ${ts.filter((t) => t.status === "pass").length} | ${ts.filter((t) => t.status !== "pass").length} | ${sum((t) => t.errors)} | ${sum((t) => t.warnings)} |`;
  });
  return ["| arch | passed | failed | errors | warnings |", "| --- | ---: | ---: | ---: | ---: |", ...rows].join("\n");
}
function targetTable(r) {
  const boots = r.targets.some((t) => t.boot);
  const bootCell = (t) => boots ? ` ${t.boot ? `${BOOT_MARK[t.boot.status]} ${cell(describeBoot(t.boot))}` : ""} |` : "";
  return [
    `| target | status | stage | time | errors | warnings |${boots ? " boot |" : ""} log |`,
    `| --- | --- | --- | ---: | ---: | ---: |${boots ? " --- |" : ""} --- |`,
    ...r.targets.map(
      (t) => `| ${t.target} | ${STATUS_MARK[t.status]} ${t.status === "fail" && !t.reason ? "fail" : describeOutcome(t)} | ${t.stage ?? ""} | ${timeCell(t)} | ${t.errors ?? ""} | ${t.warnings ?? ""} |${bootCell(t)} \`${t.log}\` |`
    )
  ].join("\n");
}
function failedBoot(r, t) {
  const boot = t.boot;
  return [
    `### ${BOOT_MARK.fail} boot of ${t.target} (${cell(describeBoot(boot))})`,
    "",
    ...bootIssues(r, t).length > 0 ? [fenced(bootIssues(r, t).map((i) => formatIssue(i).slice(0, LINE_LIMIT))), ""] : [],
    `Console: \`${boot.console ?? ""}\`${boot.machine ? ` (${boot.machine}${boot.durationSeconds === void 0 ? "" : `, ${boot.durationSeconds} s`})` : ""}.`,
    ...boot.reproducer ? ["", "<details><summary>Boot it again</summary>", "", fenced([boot.reproducer], "sh"), "", "</details>"] : []
  ].join("\n");
}
function failedTarget(r, t) {
  const lines = (t.excerpt?.lines ?? []).map((l) => l.length > LINE_LIMIT ? `${l.slice(0, LINE_LIMIT)}\u2026` : l);
  const what = t.excerpt?.source === "tail" ? "No error was parsed; the end of its log:" : "First errors:";
  return [
    `### ${STATUS_MARK[t.status]} ${t.target} (${describeOutcome(t)})`,
    "",
    what,
    "",
    fenced(lines.length > 0 ? lines : ["(the log is empty)"]),
    "",
    `Full log: \`${t.log}\`.`,
    "",
    "<details><summary>Reproduce</summary>",
    "",
    fenced(reproducer(r, t).split("\n"), "sh"),
    "",
    "</details>"
  ].join("\n");
}
var TOP_LISTS = [
  ["warnings", "Top warnings"],
  ["sectionMismatches", "Section mismatches"],
  ["syscalls", "New syscalls"],
  ["sparse", "Sparse findings"]
];
function topIssues(r, tallied, title) {
  const all = (r.issues ?? []).filter((i) => tally(i, i.noise) === tallied);
  const { listed, known } = newFirst(r, tallied, all);
  if (listed.length === 0 && known === 0) return void 0;
  const text = (i, fresh) => `${fresh ? ">> " : ""}${formatIssue(i)}`;
  return [
    `### ${title}`,
    "",
    ...listed.length > 0 ? ["| count | targets | warning |", "| ---: | --- | --- |"] : [],
    ...listed.slice(0, TOP_WARNINGS).map(({ issue: i, fresh }) => `| ${i.count} | ${i.targets.length} | \`${cell(text(i, fresh)).replace(/`/g, "'")}\` |`),
    ...known > 0 ? ["", `${listed.length === 0 ? "None new; " : ""}${known} known from the baseline, not listed.`] : []
  ].join("\n");
}
function fenced(lines, lang = "") {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${lang}`, ...lines, fence].join("\n");
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, LINE_LIMIT);
}

// src/report/email.ts
function emailFileName(results) {
  return `${results.tree}-${results.buildId}.txt`.replace(/[^A-Za-z0-9._+-]/g, "_");
}
function emailSubject(results) {
  if (results.result === "error") return `${results.tree} build: run error, no verdict (${results.tree}/${results.buildId})`;
  const failures = results.targets.filter((t) => t.status !== "pass").length;
  return `${results.tree} build: ${results.counts?.warnings ?? 0} warnings ${failures} failures (${results.tree}/${results.buildId})`;
}
function renderEmail(results, opts = {}) {
  const issues = results.issues ?? [];
  const failed = detailedFailures(results);
  const passed = results.targets.filter((t) => t.status === "pass").length;
  const out = [];
  if (opts.to) out.push(header("To", opts.to));
  out.push(header("Subject", emailSubject(results)), "");
  out.push(`Tree:     ${results.remoteUrl ?? results.source ?? results.tree}`);
  out.push(`Branch:   ${results.ref}`);
  out.push(`Build id: ${results.buildId} (${results.sha})`);
  out.push(`Kernel:   ${results.kernelVersion}`);
  out.push(`Image:    ${results.image.name} (${results.image.toolchain}, ${results.image.digest})`);
  for (const [arch, line] of Object.entries(results.toolchains ?? {})) out.push(`Toolchain ${arch}: ${line}`);
  out.push("", "Top commits:");
  for (const c of results.commits) out.push(`  ${c.sha.slice(0, 12)} ${c.subject}`);
  out.push("");
  out.push(`Runtime:  ${formatDuration(results.durationSeconds)}`);
  out.push(`Passed:   ${passed}`);
  out.push(`Failed:   ${results.targets.length - passed}`);
  out.push(`Warnings: ${results.counts?.warnings ?? 0}${results.counts?.noise ? ` (and ${results.counts.noise} known noise, filtered)` : ""}`);
  out.push(`Section mismatches: ${results.counts?.sectionMismatches ?? 0}`);
  if (results.counts?.sparse) out.push(`Sparse:   ${results.counts.sparse}`);
  if (results.ccache) out.push(`ccache:   ${results.ccache.hits} hits, ${results.ccache.misses} misses`);
  const changes = changeLines(results);
  if (changes.length > 0) out.push("", ...changes);
  const bisects = bisectLines(results);
  if (bisects.length > 0) out.push("", ...bisects);
  const sizes = sizeLines(results);
  if (sizes.length > 0) out.push("", ...sizes);
  if (results.error) out.push("", `ERROR: ${results.error.message}.`, "The end of the driver's output (driver.log):", ...results.error.lines.map((l) => `  ${l}`));
  else if (!results.complete) out.push("", `INCOMPLETE: the run stopped before every target had a verdict (driver exit ${results.driverExitCode}).`);
  if (failed.length > 0) {
    out.push("", "Failed configs:", ...failed.map((t) => `  ${t.target} (${describeOutcome(t)})`));
    out.push("", "Errors:");
    for (const t of failed) {
      out.push("", `${t.target}:`);
      const lines = t.excerpt?.lines ?? [];
      if (t.excerpt?.source === "tail") out.push("  (no error parsed; the end of the log)");
      out.push(...(lines.length > 0 ? lines : ["(the log is empty)"]).map((l) => `  ${l}`));
    }
  }
  const boots = bootSectionLines(results);
  if (boots.length > 0) out.push("", ...boots);
  const warnings = issues.filter((i) => tally(i, i.noise) === "warnings");
  const perTarget = results.targets.filter((t) => (t.warnings ?? 0) > 0);
  if (perTarget.length > 0) {
    out.push("", listsNewOnly(results, "warnings") ? "Warnings (new ones prefixed by >>):" : "Warnings:");
    for (const t of perTarget) {
      out.push("", `${t.target}: ${t.warnings} warnings`);
      const { listed, known } = newFirst(results, "warnings", warnings.filter((w) => w.targets.includes(t.target)));
      for (const { issue, fresh } of listed) out.push(`${fresh ? ">> " : "  "}${formatIssue(issue)}`);
      if (known > 0) out.push(`  ... and ${known} known from the baseline`);
    }
  }
  section(out, "New syscalls:", issues.filter((i) => tally(i, i.noise) === "syscalls"), (i) => `  ${i.targets.map((t) => t.split("/")[0]).filter(unique2).join(" ")}: ${i.message}`);
  section(out, "Section mismatches:", issues.filter((i) => tally(i, i.noise) === "sectionMismatches"), (i) => `  ${String(i.count).padStart(4)} ${i.file ? `${i.file}: ` : ""}${i.message}`);
  sparseSection(out, results, issues.filter((i) => tally(i, i.noise) === "sparse"));
  return `${out.join("\n")}
`;
}
function header(name, value) {
  return `${name}: ${value.replace(/[\u0000-\u001f\u007f]+/g, " ")}`;
}
function section(out, title, issues, line) {
  if (issues.length > 0) out.push("", title, ...issues.map(line));
}
function sparseSection(out, results, issues) {
  const { listed, known } = newFirst(results, "sparse", issues);
  if (listed.length === 0 && known === 0) return;
  out.push("", results.regressions ? "Sparse findings (new ones prefixed by >>):" : "Sparse findings:");
  for (const { issue, fresh } of listed) out.push(`${fresh ? ">> " : "  "}${formatIssue(issue)}`, ...(issue.detail ?? []).map((d) => `     ${d.trim()}`));
  if (known > 0) out.push(`  ... and ${known} known from the baseline`);
}
function unique2(item, i, all) {
  return all.indexOf(item) === i;
}
function formatDuration(seconds2) {
  const h = Math.floor(seconds2 / 3600);
  const m = Math.floor(seconds2 % 3600 / 60);
  const s = Math.round(seconds2 % 60);
  return h > 0 ? `${h}h ${m}m ${s}s` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

// src/report/kcidb.ts
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { join as join5 } from "node:path";
var KCIDB_VERSION = { major: 5, minor: 3 };
var KCIDB_EXCERPT_LIMIT = 16384;
function renderKcidb(results, logsDir, origin) {
  const url = (relative4) => pathToFileURL(join5(logsDir, relative4)).href;
  const checkoutId = `${origin}:${results.tree}:${results.sha}`;
  const buildId = (t) => `${checkoutId}:${t.target}`;
  const testId = (t) => `${buildId(t)}:boot`;
  const branch = results.refKind === "remote-branch" && results.remote ? results.ref.slice(results.remote.length + 1) : void 0;
  const checkout = {
    id: checkoutId,
    origin,
    tree_name: results.tree,
    // The schema takes https:// and git:// URLs only; a path or ssh remote is left out.
    ...results.remoteUrl && /^(https|git):\/\//.test(results.remoteUrl) ? { git_repository_url: results.remoteUrl } : {},
    git_commit_hash: results.sha,
    git_commit_name: results.buildId,
    ...branch ? { git_repository_branch: branch } : {},
    start_time: results.startedAt,
    origin_builds_finish_time: results.finishedAt,
    // A run error is a checkout or a tool that failed before any target: no verdict on the code.
    valid: results.result !== "error",
    comment: clean(`${results.tree} ${results.buildId} (Linux ${results.kernelVersion})`),
    misc: { kernel_version: results.kernelVersion, ref: results.ref, image: results.image.name, image_digest: results.image.digest }
  };
  const builds = results.targets.map((t) => ({
    id: buildId(t),
    checkout_id: checkoutId,
    origin,
    architecture: t.arch,
    compiler: clean(results.toolchains?.[t.arch] ?? results.image.toolchain),
    config_name: t.config,
    command: clean(`${makeCommand(results, t)} -k -j$(nproc)`),
    ...t.durationSeconds === void 0 ? {} : { duration: t.durationSeconds },
    start_time: results.startedAt,
    status: buildStatus(t),
    log_url: url(t.log),
    ...t.dotConfig ? { config_url: url(t.dotConfig) } : {},
    ...t.excerpt ? { log_excerpt: excerpt(t.excerpt.lines) } : {},
    ...t.kept && t.kept.files.length > 0 ? { output_files: t.kept.files.map((f) => ({ name: f, url: url(`${t.kept.dir}/${f}`) })) } : {},
    misc: { target: t.target, ...t.stage ? { stage: t.stage } : {}, ...t.reason ? { reason: t.reason } : {}, errors: t.errors ?? 0, warnings: t.warnings ?? 0 }
  }));
  const tests = results.targets.flatMap(
    (t) => t.boot ? [
      {
        id: testId(t),
        build_id: buildId(t),
        origin,
        path: "boot",
        status: bootStatus(t),
        ...t.boot.durationSeconds === void 0 ? {} : { duration: t.boot.durationSeconds },
        ...t.boot.console ? { log_url: url(t.boot.console) } : {},
        ...t.boot.message ? { log_excerpt: excerpt([t.boot.message]) } : {},
        ...t.boot.machine ? { environment: { comment: clean(t.boot.machine) } } : {},
        ...t.boot.reason ? { comment: clean(t.boot.reason) } : {}
      }
    ] : []
  );
  const problems = (results.issues ?? []).filter((i) => !i.noise);
  const issueId = (i) => `${origin}:${createHash("sha256").update(i.signature).digest("hex").slice(0, 32)}`;
  const issues = problems.map((i) => ({
    id: issueId(i),
    version: 1,
    origin,
    categories: [`${BOOT_KINDS.has(i.kind) ? "boot" : "build"}.${i.kind}`],
    comment: clean(formatIssue(i)),
    culprit: { code: true },
    misc: { signature: clean(i.signature), kind: i.kind, severity: i.severity, count: i.count, ...i.file ? { file: i.file } : {}, ...i.line ? { line: i.line } : {}, ...i.flag ? { flag: i.flag } : {} }
  }));
  const byName = new Map(results.targets.map((t) => [t.target, t]));
  const incidents = problems.flatMap(
    (i) => i.targets.flatMap((name) => {
      const t = byName.get(name);
      if (!t) return [];
      const where2 = BOOT_KINDS.has(i.kind) && t.boot ? { test_id: testId(t) } : { build_id: buildId(t) };
      return [{ id: `${issueId(i)}:${name}`, origin, issue_id: issueId(i), issue_version: 1, ...where2, present: true }];
    })
  );
  return { version: { ...KCIDB_VERSION }, checkouts: [checkout], builds, tests, issues, incidents };
}
function buildStatus(t) {
  if (t.status === "pass") return "PASS";
  if (t.status === "error") return "MISS";
  return t.reason ? "ERROR" : "FAIL";
}
function bootStatus(t) {
  const boot = t.boot;
  if (boot.status === "pass") return "PASS";
  if (boot.status === "skipped") return "SKIP";
  return boot.reason === "qemu error" || boot.reason === "console not read" ? "ERROR" : "FAIL";
}
function excerpt(lines) {
  let text = clean(lines.join("\n"));
  if (text.length > KCIDB_EXCERPT_LIMIT) {
    text = text.slice(0, KCIDB_EXCERPT_LIMIT);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  return text;
}
function clean(text) {
  return text.replaceAll("\0", "");
}

// src/report/junit.ts
var MESSAGE_ERRORS = 3;
function renderJunit(results) {
  const arches = [...new Set(results.targets.map((t) => t.arch))];
  const timestamp = results.startedAt.slice(0, 19);
  const suites = arches.map((arch, id) => {
    const cases = results.targets.filter((t) => t.arch === arch).flatMap((t) => [buildCase(results, t), ...t.boot ? [bootCase(t)] : []]);
    const count = (kind) => cases.filter((c) => c.outcome.kind === kind).length;
    const attrs = {
      name: arch,
      tests: cases.length,
      failures: count("failure"),
      errors: count("error"),
      skipped: count("skipped"),
      time: seconds(cases.reduce((sum, c) => sum + c.time, 0)),
      timestamp,
      hostname: "kernelbuilder",
      id,
      package: `${results.tree}.${results.buildId}`
    };
    return [`  <testsuite${attributes(attrs)}>`, properties(results), ...cases.map(renderCase), "  </testsuite>"].join("\n");
  });
  const all = results.targets.flatMap((t) => [t.status, ...t.boot ? [t.boot.status] : []]);
  const top = {
    name: `kernelbuilder ${results.tree} ${results.buildId}`,
    tests: all.length,
    failures: all.filter((s) => s === "fail").length,
    errors: all.filter((s) => s === "error").length,
    skipped: all.filter((s) => s === "skipped").length,
    time: seconds(results.durationSeconds),
    timestamp
  };
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes(top)}>`, ...suites, "</testsuites>", ""].join("\n");
}
function buildCase(results, t) {
  const base = { name: "build", classname: t.target, time: t.durationSeconds ?? 0 };
  if (t.status === "pass") return { ...base, outcome: { kind: "pass" } };
  const text = t.excerpt?.lines.join("\n");
  if (t.status === "error") return { ...base, outcome: { kind: "error", type: "not finished", message: `${t.target} never finished${t.reason ? `: ${t.reason}` : ""}`, text } };
  const errors = (results.issues ?? []).filter((i) => tally(i, i.noise) === "errors" && i.targets.includes(t.target)).slice(0, MESSAGE_ERRORS);
  const message = errors.length > 0 ? errors.map(formatIssue).join("; ") : `${t.target} failed${t.reason ? ` (${t.reason})` : ""} at ${t.stage ?? "build"}, exit ${t.exitCode ?? "?"}`;
  return { ...base, outcome: { kind: "failure", type: t.reason ?? errors[0]?.kind ?? "build", message, text } };
}
function bootCase(t) {
  const boot = t.boot;
  const base = { name: "boot", classname: t.target, time: boot.durationSeconds ?? 0 };
  if (boot.status === "pass") return { ...base, outcome: { kind: "pass" } };
  if (boot.status === "skipped") return { ...base, outcome: { kind: "skipped", type: "skipped", message: boot.message ?? "skipped" } };
  const where2 = boot.file ? ` at ${boot.file}${boot.line ? `:${boot.line}` : ""}` : "";
  return { ...base, outcome: { kind: "failure", type: boot.reason ?? "boot", message: `fail: ${boot.reason ?? "boot"}${boot.message ? `: ${boot.message}` : ""}${where2}`, text: boot.message } };
}
function renderCase(c) {
  const open = `    <testcase${attributes({ name: c.name, classname: c.classname, time: seconds(c.time) })}`;
  if (c.outcome.kind === "pass") return `${open}/>`;
  const { kind, message, type, text } = c.outcome;
  const inner = text === void 0 || text === "" ? `<${kind}${attributes({ message, type })}/>` : `<${kind}${attributes({ message, type })}>${escapeText(text)}</${kind}>`;
  return [`${open}>`, `      ${inner}`, "    </testcase>"].join("\n");
}
function properties(results) {
  const props = [
    ["sha", results.sha],
    ["ref", results.ref],
    ["kernel-version", results.kernelVersion],
    ["image", results.image.name],
    ...results.makeVars?.length ? [["make-vars", results.makeVars.join(" ")]] : []
  ];
  return ["    <properties>", ...props.map(([name, value]) => `      <property${attributes({ name, value })}/>`), "    </properties>"].join("\n");
}
function seconds(s) {
  return String(Math.round(Math.max(0, s) * 1e3) / 1e3);
}
function attributes(attrs) {
  return Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`).join("");
}
var NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function escapeText(text) {
  return text.replace(NOT_XML, "\uFFFD").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function escapeAttribute(text) {
  return escapeText(text).replaceAll('"', "&quot;").replaceAll("	", "&#9;").replaceAll("\n", "&#10;").replaceAll("\r", "&#13;");
}

// src/report/html/escape.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
var UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function html(text) {
  return String(text ?? "").replace(UNPRINTABLE, "\uFFFD").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function href(relPath) {
  const parts = relPath.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) throw new Error(`not a relative path inside the logs folder: ${JSON.stringify(relPath)}`);
  return html(parts.map(encodeURIComponent).join("/"));
}

// src/report/html/page.ts
import { createHash as createHash2 } from "node:crypto";
function htmlPage(title, body, script = "") {
  const scriptSrc = script ? ` script-src 'sha256-${createHash2("sha256").update(script).digest("base64")}';` : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;${scriptSrc}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    body,
    ...script ? [`<script>${script}</script>`] : [],
    "</body>",
    "</html>",
    ""
  ].join("\n");
}
var CSS = `
:root { --pass: #d7f0d8; --pass-ink: #1b5e20; --fail: #f8d0d0; --fail-ink: #8e1b1b; --error: #e4e4e4; --error-ink: #444; --boot-fail: #fbe3b6; --boot-fail-ink: #7a4a00; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 75em; padding: 0 1em; color: #1d1d1d; }
h1 { font-size: 1.5em; margin: 0 0 .3em; } h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ddd; } h3 { font-size: 1em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #ccc; padding: .25em .55em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f6f6f6; border: 1px solid #e0e0e0; padding: .5em .7em; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: 12.5px; }
code { font-size: 12.5px; } a { color: #0645ad; } .muted { color: #666; }
.cell-pass { background: var(--pass); color: var(--pass-ink); } .cell-fail { background: var(--fail); color: var(--fail-ink); }
.cell-error { background: var(--error); color: var(--error-ink); } .cell-boot-fail { background: var(--boot-fail); color: var(--boot-fail-ink); }
.cell-none { background: #fff; color: #aaa; } table.matrix td { text-align: center; min-width: 7em; } table.matrix td a { color: inherit; }
.mark { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 .35em; border-radius: .6em; margin-left: .3em; }
.mark-new { background: #8e1b1b; color: #fff; } .mark-fixed { background: #1b5e20; color: #fff; }
.result { display: inline-block; padding: .05em .5em; border-radius: .3em; font-weight: 600; }
input#filter { font: inherit; padding: .2em .4em; width: 24em; }
svg.plot { display: block; margin: .3em 0 1.2em; } svg.plot text { font: 11px system-ui, sans-serif; fill: #444; }
svg.plot polyline { fill: none; stroke: #0645ad; stroke-width: 1.5; } svg.plot circle { fill: #0645ad; } svg.plot a:hover circle { fill: #8e1b1b; }
svg.plot line.axis { stroke: #999; } svg.plot line.grid { stroke: #eee; }
`.trim();

// src/report/html/context.ts
function fileLink(ctx, relPath, text = relPath) {
  return ctx.exists(relPath) ? `<a href="${href(relPath)}">${html(text)}</a>` : `<span class="muted">${html(text)} (missing)</span>`;
}
function targetAnchor(results, t) {
  return `target-${results.targets.indexOf(t)}`;
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function kernelBytes(t) {
  const s = t.sizes;
  if (!s) return void 0;
  const [text, data, bss] = [num(s.text), num(s.data), num(s.bss)];
  return text === void 0 || data === void 0 || bss === void 0 ? void 0 : text + data + bss;
}
function marks(results) {
  const r = results.regressions;
  const set = (list) => new Set(Array.isArray(list) ? list.map(String) : []);
  return {
    newlyFailing: set(r?.newlyFailing),
    newlyPassing: set(r?.newlyPassing),
    newlyFailingBoots: set(r?.newlyFailingBoots),
    newlyPassingBoots: set(r?.newlyPassingBoots),
    newIssues: set(r?.newIssues)
  };
}
var NEW_MARK = '<span class="mark mark-new">new</span>';
var FIXED_MARK = '<span class="mark mark-fixed">fixed</span>';

// src/report/html/matrix.ts
function matrixSection(ctx) {
  const { results } = ctx;
  const arches = [...new Set(results.targets.map((t) => t.arch))];
  const configs = [...new Set(results.targets.map((t) => t.config))];
  const m = marks(results);
  const byName = new Map(results.targets.map((t) => [`${t.arch}\0${t.config}`, t]));
  const header2 = `<tr><th>arch \\ config</th>${configs.map((c) => `<th>${html(c)}</th>`).join("")}</tr>`;
  const rows = arches.map((arch) => {
    const cells = configs.map((config) => {
      const t = byName.get(`${arch}\0${config}`);
      return t ? matrixCell(ctx, t, m) : '<td class="cell-none">\u2014</td>';
    });
    return `<tr><th>${html(arch)}</th>${cells.join("")}</tr>`;
  });
  return [
    "<h2>Matrix</h2>",
    `<table class="matrix" id="matrix">${header2}${rows.join("")}</table>`,
    '<p class="muted">Green: built; red: failed; grey: did not finish; amber: built, its boot failed.</p>'
  ].join("\n");
}
function cellClass(t) {
  if (t.status === "pass" && t.boot?.status === "fail") return "cell-boot-fail";
  return t.status === "pass" ? "cell-pass" : t.status === "fail" ? "cell-fail" : "cell-error";
}
function matrixCell(ctx, t, m) {
  const boot = t.boot ? ` \xB7 boot ${html(t.boot.status)}` : "";
  const badges = (m.newlyFailing.has(t.target) || m.newlyFailingBoots.has(t.target) ? NEW_MARK : "") + (m.newlyPassing.has(t.target) || m.newlyPassingBoots.has(t.target) ? FIXED_MARK : "");
  return `<td class="${cellClass(t)}" data-target="${html(t.target)}"><a href="#${targetAnchor(ctx.results, t)}">${html(t.status)}${boot}</a>${badges}</td>`;
}

// src/report/html/limits.ts
var PAGE_LIMITS = {
  /** Characters of one line of build output. */
  lineChars: 400,
  /** Lines of one target's excerpt. */
  excerptLines: 30,
  /** Failed targets detailed with their excerpt and reproducer. */
  failures: 50,
  /** Distinct warnings (and errors) listed. */
  issues: 500,
  /** Targets named on one issue's row. */
  issueTargets: 12,
  /** Builds on a tree's history page, the newest. */
  historyBuilds: 200
};
function capLine(line) {
  const text = String(line);
  return text.length > PAGE_LIMITS.lineChars ? `${text.slice(0, PAGE_LIMITS.lineChars)}\u2026` : text;
}

// src/report/html/failures.ts
function failuresSection(ctx) {
  const { results } = ctx;
  const failed = detailedFailures(results);
  const boots = results.targets.filter((t) => t.boot?.status === "fail");
  if (failed.length === 0 && boots.length === 0 && !results.error) return "";
  const shown2 = failed.slice(0, PAGE_LIMITS.failures);
  const out = ['<h2 id="failures">Failures</h2>'];
  if (results.error) out.push(runError3(ctx));
  for (const t of shown2) out.push(failedTarget2(ctx, t));
  if (failed.length > shown2.length) out.push(`<p class="muted">${failed.length - shown2.length} more failed targets are not detailed here: see the targets table and results.json.</p>`);
  for (const t of boots.slice(0, PAGE_LIMITS.failures)) out.push(failedBoot2(ctx, t));
  return out.join("\n");
}
function runError3(ctx) {
  const error2 = ctx.results.error;
  return [`<h3>Run error: ${html(error2.message)}</h3>`, `<p>The end of the driver's output (${fileLink(ctx, DRIVER_LOG)}):</p>`, pre(error2.lines)].join("\n");
}
function failedTarget2(ctx, t) {
  const { results } = ctx;
  const paths = targetPaths(t.arch, t.config);
  const isNew = marks(results).newlyFailing.has(t.target);
  const what = t.excerpt?.source === "tail" ? "No error was parsed; the end of its log:" : "First errors:";
  return [
    `<h3 id="failure-${results.targets.indexOf(t)}"><a href="#${targetAnchor(results, t)}">${html(t.target)}</a>: ${html(describeOutcome(t))}${isNew ? NEW_MARK : ""}</h3>`,
    `<p>${what}</p>`,
    pre(t.excerpt?.lines ?? []),
    `<p>Log ${fileLink(ctx, paths.log)} \xB7 config ${fileLink(ctx, paths.dotConfig)} \xB7 reproducer ${fileLink(ctx, paths.reproducer)}</p>`,
    `<details><summary>Rebuild it (on the build machine)</summary>${pre(reproducerLines(results, t), Infinity)}</details>`
  ].join("\n");
}
function failedBoot2(ctx, t) {
  const boot = t.boot;
  const isNew = marks(ctx.results).newlyFailingBoots.has(t.target);
  return [
    `<h3 id="boot-${ctx.results.targets.indexOf(t)}">boot of ${html(t.target)}: ${html(describeBoot(boot))}${isNew ? NEW_MARK : ""}</h3>`,
    `<p>Console ${fileLink(ctx, targetPaths(t.arch, t.config).console)}${boot.machine ? ` on ${html(boot.machine)}` : ""}</p>`,
    ...boot.reproducer ? [`<details><summary>Boot it again</summary>${pre([boot.reproducer], Infinity)}</details>`] : []
  ].join("\n");
}
function reproducerLines(results, t) {
  try {
    return reproducer(results, t).split("\n");
  } catch (e) {
    return [`(no reproducer: ${e.message})`];
  }
}
function pre(lines, maxLines = PAGE_LIMITS.excerptLines) {
  const all = Array.isArray(lines) ? lines : [];
  const shown2 = all.slice(0, maxLines).map((l) => html(maxLines === Infinity ? String(l) : capLine(l)));
  const more = all.length > shown2.length ? `
\u2026 ${all.length - shown2.length} more lines` : "";
  return `<pre>${shown2.length > 0 ? shown2.join("\n") : "(no output)"}${more}</pre>`;
}

// src/report/html/warnings.ts
function warningsSection(ctx) {
  const m = marks(ctx.results);
  const issues = (Array.isArray(ctx.results.issues) ? ctx.results.issues : []).filter(shown);
  const listed = issues.slice(0, PAGE_LIMITS.issues);
  const out = [
    '<h2 id="warnings">Errors and warnings</h2>',
    `<p><label>Filter: <input id="filter" type="search" placeholder="text, file, flag or target" autocomplete="off"></label> <span id="shown">${listed.length}</span> of ${listed.length} shown${issues.length > listed.length ? `; ${issues.length - listed.length} more in results.json` : ""}.</p>`,
    '<table id="issues"><thead><tr><th>severity</th><th>where</th><th>message</th><th>count</th><th>targets</th></tr></thead><tbody>',
    ...listed.map((i) => issueRow(i, m.newIssues.has(String(i.signature)) ? NEW_MARK : "")),
    "</tbody></table>"
  ];
  const fixed = (Array.isArray(ctx.results.regressions?.fixedIssues) ? ctx.results.regressions.fixedIssues : []).filter(shown);
  if (fixed.length > 0) {
    out.push(
      "<h3>Gone since the baseline</h3>",
      `<table id="fixed"><thead><tr><th>severity</th><th>where</th><th>message</th><th>count</th><th>targets</th></tr></thead><tbody>`,
      ...fixed.slice(0, PAGE_LIMITS.issues).map((i) => issueRow(i, FIXED_MARK)),
      "</tbody></table>"
    );
  }
  return out.join("\n");
}
var FILTER_SCRIPT = `(() => {
  const input = document.getElementById('filter');
  if (!input) return;
  const rows = Array.from(document.querySelectorAll('#issues tbody tr'));
  const shown = document.getElementById('shown');
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    let n = 0;
    for (const row of rows) {
      row.hidden = q !== '' && !row.textContent.toLowerCase().includes(q);
      if (!row.hidden) n++;
    }
    shown.textContent = String(n);
  });
})();`;
function shown(i) {
  const t = tally(i, i.noise === true);
  return t === "errors" || t === "warnings" || t === "sectionMismatches" || t === "syscalls";
}
function issueRow(i, mark) {
  const line = num(i.line);
  const where2 = i.file === void 0 ? "" : `${i.file}${line === void 0 ? "" : `:${line}`}`;
  const targets = Array.isArray(i.targets) ? i.targets : [];
  const named = targets.slice(0, PAGE_LIMITS.issueTargets).map((t) => html(t)).join(" ");
  const more = targets.length > PAGE_LIMITS.issueTargets ? ` <span class="muted">and ${targets.length - PAGE_LIMITS.issueTargets} more</span>` : "";
  const message = `${capLine(String(i.message))}${i.flag ? ` [${capLine(String(i.flag))}]` : ""}`;
  return `<tr class="sev-${i.severity === "error" ? "error" : "warning"}"><td>${html(i.severity)}${mark}</td><td><code>${html(capLine(where2))}</code></td><td>${html(message)}</td><td class="num">${num(i.count) ?? ""}</td><td>${named}${more}</td></tr>`;
}

// src/report/html/targets.ts
function targetsSection(ctx) {
  const { results } = ctx;
  const deltas = new Map((Array.isArray(results.regressions?.sizes) ? results.regressions.sizes : []).map((s) => [String(s.target), num(s.delta)]));
  const rows = results.targets.map((t) => targetRow(ctx, t, deltas.get(t.target)));
  return [
    '<h2 id="targets">Targets: sizes, durations, boots</h2>',
    '<table id="targets-table"><thead><tr><th>target</th><th>status</th><th>time</th><th>CPU</th><th>object dir</th><th>errors</th><th>warnings</th><th>text+data+bss</th><th>since baseline</th><th>image</th><th>modules</th><th>boot</th><th>log</th></tr></thead><tbody>',
    ...rows,
    "</tbody></table>"
  ].join("\n");
}
function targetRow(ctx, t, delta) {
  const { results } = ctx;
  const paths = targetPaths(t.arch, t.config);
  const failed = t.status !== "pass";
  const status = failed ? `<a href="#failure-${results.targets.indexOf(t)}">${html(describeOutcome(t))}</a>` : "pass";
  const boot = t.boot ? `${html(describeBoot(t.boot))}${t.boot.console ? ` (${fileLink(ctx, paths.console, "console")})` : ""}` : "";
  const cells = [
    `<td id="${targetAnchor(results, t)}">${html(t.target)}</td>`,
    `<td class="${cellClass(t)}">${status}</td>`,
    wallCell(t),
    numCell(num(t.cpuSeconds), " s"),
    textCell(num(t.objdirBytes) === void 0 ? void 0 : mebibytes(num(t.objdirBytes))),
    numCell(num(t.errors)),
    numCell(num(t.warnings)),
    numCell(kernelBytes(t)),
    numCell(delta, "", true),
    numCell(num(t.sizes?.imageBytes)),
    numCell(num(t.sizes?.modules)),
    `<td>${boot}</td>`,
    `<td>${fileLink(ctx, paths.log, "log")}</td>`
  ];
  return `<tr>${cells.join("")}</tr>`;
}
function numCell(value, unit = "", signed2 = false) {
  return textCell(value === void 0 ? void 0 : `${signed2 && value > 0 ? "+" : ""}${value.toLocaleString("en-US")}${unit}`);
}
function wallCell(t) {
  const wall = num(t.durationSeconds);
  const wait = num(t.spaceWaitSeconds);
  return textCell(wall === void 0 ? void 0 : `${wall.toLocaleString("en-US")} s${wait ? ` (+${wait} s waiting for space)` : ""}`);
}
function textCell(text) {
  return `<td class="num">${text === void 0 ? "" : html(text)}</td>`;
}

// src/report/html/build-page.ts
var RESULT_CLASS = { pass: "cell-pass", fail: "cell-fail", error: "cell-error" };
function renderBuildPage(results, exists) {
  const ctx = { results, exists };
  const title = `${results.tree}/${results.buildId}: ${results.result}`;
  const body = [headline2(ctx), matrixSection(ctx), failuresSection(ctx), warningsSection(ctx), targetsSection(ctx)].filter(Boolean).join("\n");
  return htmlPage(`kernelbuilder ${title}`, body, FILTER_SCRIPT);
}
function headline2(ctx) {
  const r = ctx.results;
  const passed = r.targets.filter((t) => t.status === "pass").length;
  const c = r.counts;
  const sha = String(r.sha).slice(0, 12);
  const resultClass = RESULT_CLASS[r.result] ?? "cell-error";
  return [
    `<h1>${html(r.tree)} / ${html(r.buildId)} <span class="result ${resultClass}" id="result">${html(r.result)}</span></h1>`,
    `<p><b>${passed}/${r.targets.length} targets passed</b> in ${num(r.durationSeconds) ?? "?"} s${c ? `; ${num(c.errors) ?? 0} errors, ${num(c.warnings) ?? 0} warnings, ${num(c.sectionMismatches) ?? 0} section mismatches` : ""}${num(r.peakMemoryBytes) ? `; peak memory ${html(mebibytes(num(r.peakMemoryBytes)))}` : ""}.</p>`,
    `<p>Linux ${html(r.kernelVersion)} at <code>${html(sha)}</code> (ref <code>${html(r.ref)}</code>), image <code>${html(r.image?.name)}</code> (${html(r.image?.toolchain)}); started ${html(r.startedAt)}.</p>`,
    ...r.regressions ? [`<p>Compared with the baseline ${html(r.regressions.baseline?.buildId)} (<code>${html(String(r.regressions.baseline?.sha ?? "").slice(0, 12))}</code>): marks <span class="mark mark-new">new</span> and <span class="mark mark-fixed">fixed</span> are since then.</p>`] : [],
    ...r.complete ? [] : ["<p><b>The run did not complete</b>: targets that did not finish have no verdict.</p>"],
    `<p>Files: ${fileLink(ctx, RESULTS_FILE)} \xB7 ${fileLink(ctx, SUMMARY_FILE)} \xB7 ${fileLink(ctx, DRIVER_LOG)}</p>`
  ].join("\n");
}

// src/report/html/svg-plot.ts
var WIDTH = 760;
var HEIGHT = 150;
var PAD = { left: 64, right: 12, top: 12, bottom: 22 };
function linePlot(title, unit, points, id) {
  const values = points.map((p) => p.value).filter((v) => v !== void 0);
  const max = Math.max(1, ...values);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (points.length === 1 ? innerW / 2 : i * innerW / (points.length - 1));
  const y = (v) => PAD.top + innerH - v / max * innerH;
  const fmt = (n) => Math.round(n * 10) / 10;
  const segments = [[]];
  points.forEach((p, i) => {
    if (p.value === void 0) segments.push([]);
    else segments[segments.length - 1].push(`${fmt(x(i))},${fmt(y(p.value))}`);
  });
  const lines = segments.filter((s) => s.length > 1).map((s) => `<polyline points="${s.join(" ")}"/>`);
  const dots = points.flatMap(
    (p, i) => p.value === void 0 ? [] : [`<a href="${p.href}" class="point"><circle cx="${fmt(x(i))}" cy="${fmt(y(p.value))}" r="4"><title>${html(`${p.label}: ${p.value.toLocaleString("en-US")} ${unit}`)}</title></circle></a>`]
  );
  const first = points[0]?.label ?? "";
  const last = points[points.length - 1]?.label ?? "";
  return [
    `<h3>${html(title)}</h3>`,
    `<svg class="plot" id="${html(id)}" role="img" aria-label="${html(title)}" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<line class="grid" x1="${PAD.left}" y1="${PAD.top}" x2="${WIDTH - PAD.right}" y2="${PAD.top}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + innerH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + innerH}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + innerH}"/>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${html(max.toLocaleString("en-US"))}</text>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + innerH + 4}" text-anchor="end">0</text>`,
    `<text x="${PAD.left}" y="${HEIGHT - 5}">${html(first)}</text>`,
    points.length > 1 ? `<text x="${WIDTH - PAD.right}" y="${HEIGHT - 5}" text-anchor="end">${html(last)}</text>` : "",
    ...lines,
    ...dots,
    "</svg>"
  ].join("\n");
}

// src/report/html/history.ts
function renderHistoryPage(tree, builds) {
  const points = builds.map(point).filter((p) => p !== void 0).sort((a, b) => a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0).slice(-PAGE_LIMITS.historyBuilds);
  const plot = (title, unit, id, value) => linePlot(title, unit, points.map((p) => ({ label: p.label, value: value(p), href: p.link })), id);
  const body = [
    `<h1>${html(tree)}: ${points.length} builds</h1>`,
    builds.length > points.length ? `<p class="muted">The newest ${points.length} of ${builds.length} build folders.</p>` : "",
    plot("Errors", "errors", "plot-errors", (p) => p.errors),
    plot("Warnings", "warnings", "plot-warnings", (p) => p.warnings),
    plot("Failed targets", "targets", "plot-failed", (p) => p.failed),
    plot("Wall time (s)", "s", "plot-wall", (p) => p.wall),
    plot("Kernel size (bytes of text + data + bss, all targets)", "bytes", "plot-size", (p) => p.size),
    "<h2>Builds</h2>",
    '<table id="builds"><thead><tr><th>build</th><th>started</th><th>result</th><th>errors</th><th>warnings</th><th>failed targets</th><th>wall time</th><th>kernel size</th></tr></thead><tbody>',
    ...[...points].reverse().map(
      (p) => `<tr><td><a href="${p.link}">${html(p.label)}</a></td><td>${html(p.startedAt)}</td><td>${html(p.result)}</td>${[p.errors, p.warnings, p.failed, p.wall, p.size].map((v) => `<td class="num">${v === void 0 ? "" : v.toLocaleString("en-US")}</td>`).join("")}</tr>`
    ),
    "</tbody></table>"
  ].filter(Boolean);
  return htmlPage(`kernelbuilder ${tree}: history`, body.join("\n"));
}
function point(b) {
  const r = b.results;
  try {
    const targets = Array.isArray(r.targets) ? r.targets : [];
    const sizes = targets.map(kernelBytes).filter((n) => n !== void 0);
    return {
      label: String(r.buildId ?? b.folder),
      startedAt: typeof r.startedAt === "string" ? r.startedAt : "",
      result: String(r.result),
      link: href(`${b.folder}/${b.hasPage ? HTML_FILE : RESULTS_FILE}`),
      errors: num(r.counts?.errors),
      warnings: num(r.counts?.warnings),
      failed: targets.filter((t) => t?.status !== "pass").length,
      wall: num(r.durationSeconds),
      size: sizes.length > 0 ? sizes.reduce((a, n) => a + n, 0) : void 0
    };
  } catch {
    return void 0;
  }
}

// src/report/html/tree-builds.ts
import { lstatSync as lstatSync3, readdirSync as readdirSync3 } from "node:fs";
import { join as join6 } from "node:path";
function readTreeBuilds(treeDir2) {
  let entries;
  try {
    entries = readdirSync3(treeDir2, { withFileTypes: true });
  } catch {
    return [];
  }
  const builds = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith("bisect-")) continue;
    const results = readResults(join6(treeDir2, e.name, RESULTS_FILE));
    if (!results) continue;
    const page = lstatSync3(join6(treeDir2, e.name, HTML_FILE), { throwIfNoEntry: false });
    builds.push({ folder: e.name, hasPage: page?.isFile() ?? false, results });
  }
  return builds;
}

// src/safe-files.ts
import { closeSync as closeSync2, constants as constants2, fstatSync as fstatSync2, lstatSync as lstatSync4, openSync as openSync2, readSync as readSync2, writeSync } from "node:fs";
import { join as join7 } from "node:path";
function openInside(root, rel, maxBytes) {
  const parts = rel.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) throw new KernelbuilderError(`${root}: ${JSON.stringify(rel)} is not a path inside the folder`);
  for (let i = 1; i < parts.length; i++) {
    const st2 = lstatSync4(join7(root, ...parts.slice(0, i)), { throwIfNoEntry: false });
    if (!st2) return void 0;
    if (!st2.isDirectory()) throw new KernelbuilderError(`${root}: ${parts.slice(0, i).join("/")} is not a folder (a link or special file), and is never followed`);
  }
  let fd;
  try {
    fd = openSync2(join7(root, rel), constants2.O_RDONLY | constants2.O_NOFOLLOW | constants2.O_NONBLOCK);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return void 0;
    if (code === "ELOOP") throw new KernelbuilderError(`${root}: ${rel} is a link, not a regular file, and is never followed`);
    throw e;
  }
  const st = fstatSync2(fd);
  if (!st.isFile() || st.size > maxBytes) {
    closeSync2(fd);
    throw new KernelbuilderError(`${root}: ${rel} is ${st.isFile() ? `larger than ${maxBytes} bytes` : "not a regular file"}`);
  }
  return { fd, size: st.size };
}
function checkInside(root, rel, maxBytes) {
  const file = openInside(root, rel, maxBytes);
  if (file) closeSync2(file.fd);
  return file !== void 0;
}
function readInside(root, rel, maxBytes) {
  const file = openInside(root, rel, maxBytes);
  if (!file) return void 0;
  try {
    const buf = Buffer.alloc(file.size);
    let got = 0;
    while (got < file.size) {
      const n = readSync2(file.fd, buf, got, file.size - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString("utf8");
  } finally {
    closeSync2(file.fd);
  }
}
function readInsideOrNothing(root, rel, maxBytes) {
  try {
    return readInside(root, rel, maxBytes);
  } catch (e) {
    if (e instanceof KernelbuilderError) return void 0;
    throw e;
  }
}
function copyInside(root, rel, to, maxBytes) {
  const file = openInside(root, rel, maxBytes);
  if (!file) return false;
  let out;
  try {
    out = openSync2(to, constants2.O_WRONLY | constants2.O_CREAT | constants2.O_TRUNC | constants2.O_NOFOLLOW, 420);
    const buf = Buffer.alloc(1 << 20);
    for (let left = maxBytes; left > 0; ) {
      const n = readSync2(file.fd, buf, 0, Math.min(buf.length, left), null);
      if (n === 0) break;
      for (let done = 0; done < n; ) done += writeSync(out, buf, done, n - done);
      left -= n;
    }
    return true;
  } finally {
    closeSync2(file.fd);
    if (out !== void 0) closeSync2(out);
  }
}

// src/report/write-reports.ts
function reportDirs(logsRoot, logsDir) {
  return { logsDir, emailDir: emailsDir(logsRoot), historyDir: treeDirOf(logsDir) };
}
function writeReports(results, dirs, opts = {}) {
  const paths = reportPaths(results, dirs);
  writeAtomically(paths.results, `${JSON.stringify(results, null, 2)}
`);
  const failures = [];
  const attempt = (what, write) => {
    try {
      write();
    } catch (e) {
      const failure = new Error(`could not write ${what}: ${e.message}`);
      if (opts.warn) opts.warn(failure.message);
      else failures.push(failure);
    }
  };
  attempt(paths.summary, () => writeAtomically(paths.summary, renderSummary(results)));
  attempt(paths.kcidb, () => writeAtomically(paths.kcidb, `${JSON.stringify(renderKcidb(results, dirs.logsDir, opts.kcidbOrigin ?? DEFAULT_KCIDB_ORIGIN), null, 2)}
`));
  attempt(paths.junit, () => writeAtomically(paths.junit, renderJunit(results)));
  attempt(paths.email, () => writeAtomically(paths.email, renderEmail(results, { to: opts.emailTo })));
  for (const t of results.targets.filter((t2) => t2.status !== "pass")) {
    const path = join8(dirs.logsDir, targetPaths(t.arch, t.config).reproducer);
    attempt(path, () => writeAtomically(path, `#!/bin/sh
${reproducer(results, t)}
`));
  }
  attempt(paths.html, () => writeAtomically(paths.html, renderBuildPage(results, (rel) => isFileInside(dirs.logsDir, rel))));
  if (paths.history && dirs.historyDir) {
    const [history, treeDir2] = [paths.history, dirs.historyDir];
    attempt(history, () => writeAtomically(history, renderHistoryPage(results.tree, readTreeBuilds(treeDir2))));
  }
  if (failures.length > 0) throw failures[0];
  return paths;
}
function reportPaths(results, dirs) {
  return {
    results: join8(dirs.logsDir, RESULTS_FILE),
    summary: join8(dirs.logsDir, SUMMARY_FILE),
    kcidb: join8(dirs.logsDir, KCIDB_FILE),
    junit: join8(dirs.logsDir, JUNIT_FILE),
    html: join8(dirs.logsDir, HTML_FILE),
    ...dirs.historyDir ? { history: historyPage(dirs.historyDir) } : {},
    email: join8(dirs.emailDir, emailFileName(results))
  };
}
function writeAtomically(path, text) {
  mkdirSync(join8(path, ".."), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
function isFileInside(dir, rel) {
  try {
    return checkInside(dir, rel, Number.MAX_SAFE_INTEGER);
  } catch {
    return false;
  }
}

// src/diagnostics/analyse.ts
import { join as join10 } from "node:path";

// src/diagnostics/aggregate.ts
var IssueCollector = class {
  bySignature = /* @__PURE__ */ new Map();
  add(d, noise) {
    const known = this.bySignature.get(d.signature);
    if (known) {
      known.count++;
      if (d.target !== void 0 && !known.targets.includes(d.target)) known.targets.push(d.target);
      return;
    }
    const { target, ...first } = d;
    this.bySignature.set(d.signature, { ...first, count: 1, targets: target === void 0 ? [] : [target], noise });
  }
  /** Errors first, then by count, then by place: the order reports show them in. */
  issues() {
    const rank = { error: 0, warning: 1, note: 2 };
    return [...this.bySignature.values()].sort(
      (a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message)
    );
  }
};

// src/diagnostics/scan-log.ts
import { createReadStream } from "node:fs";

// src/parse/lines.ts
var MAX_LINE_LENGTH = 64 * 1024;
var DECODE_SLICE = 32 * 1024;
function wholeCharacters(bytes) {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i];
    if (b < 128) return n;
    if (b >= 192) return n - i >= (b >= 240 ? 4 : b >= 224 ? 3 : 2) ? n : i;
  }
  return n;
}
var LineSplitter = class {
  constructor(maxLineLength = MAX_LINE_LENGTH) {
    this.maxLineLength = maxLineLength;
  }
  maxLineLength;
  /** The first bytes of a character that the last chunk cut. */
  cutCharacter;
  carry = "";
  /** True while the rest of an over-long line, already handed on cut, is being skipped. */
  skipping = false;
  /**
   * Calls `onLine` for each line this chunk completes. The way to stream: no array of the
   * chunk's lines is built (for 1 MiB chunks, building them cost more than the splitting).
   */
  feed(chunk, onLine) {
    if (typeof chunk === "string") {
      this.split(chunk, onLine);
      return;
    }
    for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
      this.split(this.decode(Buffer.from(chunk.buffer, chunk.byteOffset + at, Math.min(DECODE_SLICE, chunk.length - at))), onLine);
    }
  }
  /** The lines completed by this chunk. */
  push(chunk) {
    const lines = [];
    this.feed(chunk, (line) => lines.push(line));
    return lines;
  }
  /** The last line when the stream did not end with a newline. */
  end() {
    const rest = this.carry + (this.cutCharacter?.toString("utf8") ?? "");
    this.carry = "";
    this.cutCharacter = void 0;
    const lines = [];
    if (!this.skipping && rest !== "") this.emit(rest, (line) => lines.push(line));
    this.skipping = false;
    return lines;
  }
  // Buffer.toString rather than a StringDecoder, which cost 2 to 10 times more per byte.
  decode(slice) {
    let bytes = slice;
    if (this.cutCharacter !== void 0) {
      bytes = Buffer.concat([this.cutCharacter, slice]);
      this.cutCharacter = void 0;
    }
    const whole = wholeCharacters(bytes);
    if (whole < bytes.length) this.cutCharacter = Buffer.from(bytes.subarray(whole));
    return bytes.toString("utf8", 0, whole);
  }
  split(text, onLine) {
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl !== -1) {
      if (this.skipping) {
        this.skipping = false;
      } else if (this.carry === "") {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(start, end - start > this.maxLineLength ? start + this.maxLineLength : end));
      } else {
        this.emit(this.carry + text.slice(start, nl), onLine);
        this.carry = "";
      }
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    if (!this.skipping && start < text.length) {
      this.carry += text.slice(start);
      if (this.carry.length > this.maxLineLength) {
        onLine(this.carry.slice(0, this.maxLineLength));
        this.carry = "";
        this.skipping = true;
      }
    }
  }
  emit(line, onLine) {
    let end = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
    if (end > this.maxLineLength) end = this.maxLineLength;
    onLine(end === line.length ? line : line.slice(0, end));
  }
};

// src/parse/classify.ts
var ECHO = { type: "echo" };
var COMPILER = /^([^:\s][^:]*):(\d+):(?:(\d+):)? (fatal error|error|warning|note): (.*)$/;
var GAS = /^([^:\s][^:]*):(\d+): (Error|Warning): (.*)$/;
var KCONFIG_AT = /^([^:\s][^:]*):(\d+):(warning|error): ?(.*)$/;
var KCONFIG_FILE = /^((?:[^:\s]*\/)?Kconfig[^:\s/]*):(\d+): (.*)$/;
var DTC_AT = /^([^:\s][^:]*):(\d+)\.(\d+)-(?:\d+\.)?\d+: (Warning|ERROR|Error) \(([\w-]+)\): (.*)$/;
var DTC_FILE = /^([^:\s][^:]*): (Warning|ERROR|Error) \(([\w-]+)\): (.*)$/;
var DTC_SYNTAX = /^Error: ([^:\s][^:]*):(\d+)\.(\d+)(?:-[\d.]+)? (.*)$/;
var MAKE = /^(?:\S*\/)?g?make(?:\[\d+\])?: (.*)$/;
var MAKE_RECIPE = /^\[(?:[^\]]*?:\d+: )?([^\]]+)\] Error \d+/;
var MAKEFILE_FATAL = /^([^:\s][^:]*):(\d+): \*\*\* (.*)$/;
var SHELL = /^(?:\S*\/)?(?:ba|da)?sh: (?:line )?\d+: (.*)$/;
var MODPOST = /^(WARNING|ERROR|FATAL): (modpost: )?(.*)$/;
var DRIVER = /^(?:[\w.+-]*-)?(gcc|cc1|cc1plus|cpp|clang|cc|g\+\+|as)(?:-[\d.]+)?: (fatal error|error|warning|note): (.*)$/;
var FILE_LEVEL = /^([^:\s][^:]*): (fatal error|error|warning): (.*)$/;
var LD_LOCATION = /^([^\s:()]+)(?::(\d+))?(?::?\([^)]*\))?: (.+)$/;
var INCLUDE_FROM = /^\s+from \S+:\d+(?::\d+)?[,:]$/;
var FUNCTION_OF_FILE = /^([^:\s][^:]*): (?:In (?:static |member |static member )?function|In constructor|In destructor|At top level|At global scope)\b.*:$/;
var LINKER_NAME = /^(?:\S*[/-])?ld(?:\.(?:bfd|gold|lld))?$/;
var SYSCALL = /^(?:#warning )?syscall \S+ not implemented\b/;
var SPARSE_PREFIXED = /^([^:\s][^:]*):(\d+):(\d+): sparse: (warning|error): (.*)$/;
var SPARSE_INCLUDED = /^([^:\s][^:]*): note: in included file(?: \(through .*\))?:$/;
function splitFlag(message) {
  if (message.charCodeAt(message.length - 1) !== 93) return { message };
  const open = message.lastIndexOf(" [-W");
  if (open === -1) return { message };
  let flag = message.slice(open + 2, -1);
  if (flag.startsWith("-Werror=")) flag = `-W${flag.slice(8)}`;
  else if (flag.startsWith("-Werror,")) flag = flag.slice(8);
  return { message: message.slice(0, open), flag };
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function isKconfigFile(path) {
  const name = baseName(path);
  return name.startsWith("Kconfig") || name === ".config" || name.endsWith("defconfig") || name.endsWith(".config");
}
function isMakefile(path) {
  const name = baseName(path);
  return name.startsWith("Makefile") || name.startsWith("Kbuild") || name.endsWith(".mk");
}
function severityOf(word) {
  const w = word.toLowerCase();
  return w === "warning" ? "warning" : w === "note" ? "note" : "error";
}
function isKbuildEcho(line) {
  if (line.charCodeAt(0) !== 32 || line.charCodeAt(1) !== 32) return false;
  let c = line.charCodeAt(2);
  if (c < 65 || c > 90) return false;
  let i = 3;
  for (c = line.charCodeAt(i); c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95; c = line.charCodeAt(++i)) ;
  return line.charCodeAt(i) === 32;
}
function compilerDiagnostic(m) {
  const file = m[1];
  const { message, flag } = splitFlag(m[5]);
  let kind = "compiler";
  if (SYSCALL.test(message)) kind = "syscall";
  else if (flag === "-Wcpp" || flag === "-W#warnings" || message.startsWith("#warning") || message.startsWith("#error")) kind = "directive";
  else if (isKconfigFile(file)) kind = "kconfig";
  else if (isMakefile(file)) kind = "make";
  else if (m[3] === void 0 && flag === void 0 && m[4].toLowerCase() === "warning" && /\.[ch]$/.test(file)) kind = "kernel-doc";
  const d = { type: "diagnostic", kind, severity: severityOf(m[4]), file, line: Number(m[2]), message };
  if (m[3] !== void 0) d.column = Number(m[3]);
  if (flag !== void 0) d.flag = flag;
  return d;
}
function linkerDiagnostic(text) {
  let severity = "error";
  let rest = text;
  if (rest.startsWith("warning: ")) {
    severity = "warning";
    rest = rest.slice(9);
  } else if (rest.startsWith("error: ")) {
    rest = rest.slice(7);
  }
  const m = LD_LOCATION.exec(rest);
  if (m === null || !/[./]|^vmlinux$/.test(m[1])) return { type: "diagnostic", kind: "linker", severity, message: rest };
  const d = { type: "diagnostic", kind: "linker", severity, file: m[1], message: m[3] };
  if (m[2] !== void 0) d.line = Number(m[2]);
  return d;
}
function moduleOf(text) {
  const close = text.indexOf(".ko]");
  if (close !== -1) {
    const name = text.slice(text.lastIndexOf("[", close) + 1, close + 3);
    if (name !== "" && !/\s/.test(name)) return name;
  }
  const m = / in (\S+\.(?:o|ko))$/.exec(text);
  return m === null ? void 0 : m[1];
}
function modpostDiagnostic(m) {
  const severity = m[1] === "WARNING" ? "warning" : "error";
  const text = m[3];
  if (text.includes("unmet direct dependencies")) return { type: "diagnostic", kind: "kconfig", severity, message: text };
  if (text.startsWith("Kernel configuration is invalid")) return { type: "diagnostic", kind: "kconfig", severity, message: text };
  if (text.startsWith("Input tree has errors")) return { type: "diagnostic", kind: "dtc", severity, message: text };
  const mismatch = /ection mismatch in reference/.test(text);
  if (m[2] === void 0 && !mismatch) return null;
  const kind = mismatch ? "section-mismatch" : "modpost";
  const at = /^([^\s:()]+\.(?:o|ko)|vmlinux)(?:\([^)]*\))?: (.*)$/.exec(text);
  if (at !== null) return { type: "diagnostic", kind, severity, file: at[1], message: at[2] };
  const d = { type: "diagnostic", kind, severity, message: text };
  const module = moduleOf(text);
  if (module !== void 0) d.file = module;
  return d;
}
function makeDiagnostic(text) {
  if (text.startsWith("warning: ")) return { type: "diagnostic", kind: "make", severity: "warning", message: text.slice(9) };
  if (!text.startsWith("*** ")) return null;
  const rest = text.slice(4);
  if (rest.startsWith("Waiting for unfinished jobs") || rest.startsWith("Deleting file")) return null;
  const recipe = MAKE_RECIPE.exec(rest);
  if (recipe !== null && /[^/.]\.\w+$/.test(recipe[1])) return { type: "diagnostic", kind: "make", severity: "error", file: recipe[1], message: rest };
  return { type: "diagnostic", kind: "make", severity: "error", message: rest };
}
function contextLine(scope, text, opens, subject) {
  return subject === void 0 ? { type: "context", scope, opens, text } : { type: "context", scope, opens, subject, text };
}
function classifyLine(line) {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) {
    if (isKbuildEcho(line)) return ECHO;
    if (line.indexOf(":") === -1) return null;
    if (INCLUDE_FROM.test(line)) return contextLine("compiler", line.trim(), false);
    if (/^\s+inlined from /.test(line)) return contextLine("compiler", line.trim(), false);
    return null;
  }
  if (first === 73 && /^In (?:static |member |static member )?function /.test(line)) return contextLine("compiler", line, false);
  const colon = line.indexOf(":");
  if (colon <= 0) return null;
  if (line.startsWith("In file included from ")) return contextLine("compiler", line, true);
  let m;
  const head2 = line.slice(0, colon);
  if (first === 109 || head2.endsWith("make") || head2.endsWith("]")) {
    if ((m = MAKE.exec(line)) !== null) return makeDiagnostic(m[1]);
  }
  if (first === 87 || first === 69 || first === 70) {
    if ((m = MODPOST.exec(line)) !== null) return modpostDiagnostic(m);
    if ((m = DTC_SYNTAX.exec(line)) !== null) {
      return { type: "diagnostic", kind: "dtc", severity: "error", file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] };
    }
    if (line.startsWith("FATAL ERROR: ")) return { type: "diagnostic", kind: "dtc", severity: "error", message: line.slice(13) };
  }
  if (head2.endsWith("sh") && (m = SHELL.exec(line)) !== null) return { type: "diagnostic", kind: "make", severity: "error", message: m[1] };
  if (head2.endsWith("d") && LINKER_NAME.test(head2)) {
    const rest = line.slice(colon + 2);
    const inFunction = rest.indexOf(": in function ");
    if (inFunction !== -1 && (line.endsWith("':") || line.endsWith("\u2019:"))) return contextLine("linker", line, true, rest.slice(0, inFunction));
    return linkerDiagnostic(rest);
  }
  if (line.includes("undefined reference to ") || line.includes("multiple definition of ") || line.includes("relocation truncated to fit")) {
    return linkerDiagnostic(line);
  }
  const c1 = line.charCodeAt(colon + 1);
  if (c1 >= 48 && c1 <= 57) {
    if ((m = COMPILER.exec(line)) !== null) return compilerDiagnostic(m);
    if ((m = SPARSE_PREFIXED.exec(line)) !== null) {
      return { type: "diagnostic", kind: "sparse", severity: severityOf(m[4]), file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[5] };
    }
    if ((m = GAS.exec(line)) !== null) {
      return { type: "diagnostic", kind: "assembler", severity: severityOf(m[3]), file: m[1], line: Number(m[2]), message: m[4] };
    }
    if ((m = KCONFIG_AT.exec(line)) !== null) {
      return { type: "diagnostic", kind: "kconfig", severity: severityOf(m[3]), file: m[1], line: Number(m[2]), message: m[4] };
    }
    if ((m = DTC_AT.exec(line)) !== null) {
      return { type: "diagnostic", kind: "dtc", severity: severityOf(m[4]), file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[6], flag: m[5] };
    }
    if ((m = KCONFIG_FILE.exec(line)) !== null) {
      const warning = m[3].startsWith("warning: ");
      return { type: "diagnostic", kind: "kconfig", severity: warning ? "warning" : "error", file: m[1], line: Number(m[2]), message: warning ? m[3].slice(9) : m[3] };
    }
    if ((m = MAKEFILE_FATAL.exec(line)) !== null) {
      return { type: "diagnostic", kind: "make", severity: "error", file: m[1], line: Number(m[2]), message: m[3] };
    }
    return null;
  }
  if (c1 !== 32) return null;
  if (line.endsWith(": Assembler messages:")) return contextLine("assembler", line, true, head2);
  if ((m = SPARSE_INCLUDED.exec(line)) !== null) return contextLine("sparse", line, true, m[1]);
  if ((m = FUNCTION_OF_FILE.exec(line)) !== null) return contextLine("compiler", line, false, m[1]);
  if ((m = DTC_FILE.exec(line)) !== null) {
    return { type: "diagnostic", kind: "dtc", severity: severityOf(m[2]), file: m[1], message: m[4], flag: m[3] };
  }
  if ((m = DRIVER.exec(line)) !== null) {
    const { message, flag } = splitFlag(m[3]);
    const d = { type: "diagnostic", kind: m[1] === "as" ? "assembler" : "compiler", severity: severityOf(m[2]), message };
    if (flag !== void 0) d.flag = flag;
    return d;
  }
  if ((m = FILE_LEVEL.exec(line)) !== null) {
    return { type: "diagnostic", kind: "compiler", severity: severityOf(m[2]), file: m[1], message: m[3] };
  }
  return null;
}

// src/parse/paths.ts
import { posix as posix2 } from "node:path";
var DEFAULT_TREE_PREFIXES = ["/build/src/"];
var BUILD_DIRS = ["/build/out/[^/\\s'\"`]+/", "/build/[^/\\s'\"`]+/"];
var PSEUDO_FILES = /* @__PURE__ */ new Set(["<stdin>", "<command-line>", "<command line>", "<built-in>", "{standard input}"]);
var UP_DIRS = /^(?:\.\.?\/)+/;
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var PathNormaliser = class {
  prefixes;
  leading;
  inText;
  /** @param treePrefixes absolute source or output directories, tried before the built-in /build ones. */
  constructor(treePrefixes = []) {
    this.prefixes = [...treePrefixes, ...DEFAULT_TREE_PREFIXES].map((p) => p.endsWith("/") ? p : `${p}/`).sort((a, b) => b.length - a.length);
    const alternatives = [...this.prefixes.map(escapeRegExp), ...BUILD_DIRS].join("|");
    this.leading = new RegExp(`^(?:${alternatives})`);
    this.inText = new RegExp(`(^|[\\s'"\`\u2018(\\[,])(?:${alternatives}|(?:\\.\\.?/)+(?=[\\w.-]))`, "g");
  }
  /** The tree-relative form of a path, or undefined for stdin and other pseudo-files. */
  file(path) {
    if (path === "" || PSEUDO_FILES.has(path)) return void 0;
    let p = path.includes("//") || path.includes("/./") ? posix2.normalize(path) : path;
    p = p.replace(this.leading, "").replace(UP_DIRS, "");
    return p === "" ? void 0 : p;
  }
  /** A message or context line with every build prefix and leading `../` of its paths removed. */
  text(text) {
    return text.replace(this.inText, "$1");
  }
};

// src/parse/signature.ts
var HEX_OFFSET = /\+?0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?/g;
var POSITION = /([^\s:]):\d+(?:[.:]\d+)*(?:-\d+(?:\.\d+)?)?(?=[:\s,)\]'"]|$)/g;
var QUOTES = /[‘’`]/g;
var SPACES = /\s+/g;
function normaliseMessage(message) {
  return message.replace(HEX_OFFSET, "").replace(POSITION, "$1").replace(QUOTES, "'").replace(SPACES, " ").trim();
}
function signatureOf(kind, file, message, detail = []) {
  const text = kind === "sparse" && detail.length > 0 ? [message, ...detail].join(" @@ ") : message;
  return `${kind}|${file ?? ""}|${normaliseMessage(text)}`;
}

// src/parse/sparse.ts
var CHECK = /^ {2}CHECK {3}(\S+)\s*$/;
var INFO = /^([^:\s][^:]*):(\d+):(\d+): (?:sparse: )?(.*)$/;
var SEVERITY = /^(?:warning|error|note|fatal error): /;
var CHECKED_KEPT = 256;
function sparseInfo(line) {
  const m = INFO.exec(line);
  if (m === null || SEVERITY.test(m[4]) || m[4].trim() === "") return void 0;
  return { file: m[1], line: Number(m[2]), column: Number(m[3]), text: m[4] };
}
var SparseTracker = class {
  checked = /* @__PURE__ */ new Set();
  running = false;
  /** Reads a kbuild echo line: a `CHECK` line starts sparse's run for its file, any other ends it. */
  echo(line, normalise) {
    const m = CHECK.exec(line);
    this.running = m !== null;
    if (m === null) return;
    const file = normalise(m[1]);
    if (file === void 0) return;
    this.checked.delete(file);
    this.checked.add(file);
    if (this.checked.size > CHECKED_KEPT) this.checked.delete(this.checked.values().next().value);
  }
  /** sparse's "in included file" note: findings in headers follow. */
  included() {
    this.running = true;
  }
  /**
   * Whether a finding classified as the compiler's is sparse's. `file` is its tree-relative
   * path; `compilerContext` whether gcc's context lines came right before it.
   */
  claims(d, file, compilerContext) {
    if (d.kind !== "compiler" || d.severity === "note" || d.flag !== void 0 || d.column === void 0 || file === void 0) return false;
    if (compilerContext) return false;
    if (this.running || this.checked.has(file)) {
      this.running = true;
      return true;
    }
    return d.severity === "warning" && this.checked.size > 0;
  }
};

// src/parse/log-parser.ts
var SPARSE_HOLD_LINES = 8;
var ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
var SOURCE_EXCERPT = /^ *\d* \|/;
var KCONFIG_EXPLANATION = /^(?:  (?:Depends on|Selected by|Implied by|- )|[^:\s]+:\d+:\t)/;
function scopeOf(kind) {
  switch (kind) {
    case "compiler":
    case "directive":
    case "syscall":
      return "compiler";
    case "linker":
    case "assembler":
    case "sparse":
      return kind;
    default:
      return void 0;
  }
}
function besideObject(object, source) {
  const stem = (name) => name.slice(0, name.lastIndexOf(".") >>> 0);
  const slash = object.lastIndexOf("/");
  if (slash === -1 || source.includes("/") || stem(object.slice(slash + 1)) !== stem(source)) return void 0;
  return `${object.slice(0, slash + 1)}${source}`;
}
var LogParser = class {
  target;
  paths;
  pending;
  context;
  lastWasContext = false;
  /** The source ld.lld named in ">>> referenced by", until the object line gives its directory. */
  lldSource;
  sparse = new SparseTracker();
  /** The pending diagnostic is sparse's only by where it stands: gcc's excerpt or note after it shows it is gcc's. */
  pendingInferred = false;
  /** sparse's findings read, held a few lines before they are returned (release). */
  held = [];
  constructor(opts = {}) {
    this.target = opts.target;
    this.paths = new PathNormaliser(opts.treePrefixes);
  }
  /** Reads one line (without its newline); returns the diagnostics it completes. */
  push(rawLine) {
    for (const h of this.held) h.lines++;
    if (this.held.length > 0 && this.heldInfo(rawLine)) return [];
    return this.release(this.read(rawLine), false);
  }
  /**
   * The diagnostics to return now: sparse's findings wait in `held` until SPARSE_HOLD_LINES
   * more lines came, or another kind's diagnostic (so that kinds keep their order), or the
   * end; the others go at once.
   */
  release(found2, all) {
    const out = [];
    const other = found2.some((d) => d.kind !== "sparse");
    while (this.held.length > 0 && (all || other || this.held[0].lines > SPARSE_HOLD_LINES)) out.push(this.held.shift().d);
    for (const d of found2) {
      if (d.kind === "sparse" && !all && !other) this.held.push({ d, lines: 0 });
      else out.push(d);
    }
    return out;
  }
  /** sparse's "   expected ..." line of a held finding, at its place: its detail, taken (true); else false. */
  heldInfo(line) {
    const info = sparseInfo(line);
    if (info === void 0 || !info.text.startsWith("   ")) return false;
    const file = this.paths.file(info.file);
    const at = (d) => d !== void 0 && d.file === file && d.line === info.line && d.column === info.column;
    if (at(this.pending)) return false;
    const h = this.held.findLast(({ d }) => at(d));
    if (h === void 0) return false;
    (h.d.detail ??= []).push(this.paths.text(info.text).trimEnd());
    h.d.signature = signatureOf(h.d.kind, h.d.file, h.d.message, h.d.detail);
    return true;
  }
  /** One line through the parser proper (push holds sparse's findings a little around it). */
  read(rawLine) {
    if (isKbuildEcho(rawLine)) {
      this.lastWasContext = false;
      this.sparse.echo(rawLine, (path) => this.paths.file(path));
      return this.flush();
    }
    let line = rawLine.length > MAX_LINE_LENGTH ? rawLine.slice(0, MAX_LINE_LENGTH) : rawLine;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.indexOf("\x1B") !== -1) line = line.replace(ANSI, "");
    if (this.pending !== void 0 && this.continuesPending(line)) return [];
    const cls = classifyLine(line);
    if (cls !== null && cls.type === "context") {
      if (cls.scope === "sparse") this.sparse.included();
      this.addContext(cls);
      return [];
    }
    const afterContext = this.lastWasContext;
    this.lastWasContext = false;
    if (cls === null) return [];
    if (cls.type === "echo") return this.flush();
    if (cls.severity === "note" && this.pending !== void 0) {
      if (this.pendingInferred) this.unclaim(this.pending);
      this.attachNote(cls, afterContext);
      return [];
    }
    const done = this.flush();
    this.lldSource = void 0;
    this.pending = this.complete(this.withSparse(cls, afterContext), afterContext);
    return done;
  }
  /**
   * The diagnostic read but not yet returned: lines after it may still add detail (notes,
   * ld.lld's `>>>` lines, which may also give its place). For a live view that cannot wait.
   */
  peek() {
    return this.pending;
  }
  /** Ends the log; returns the diagnostics still waiting for a line after them. */
  end() {
    this.context = void 0;
    this.lastWasContext = false;
    return this.release(this.flush(), true);
  }
  /** The diagnostic as sparse's when kbuild's lines around it say it is (see SparseTracker). */
  withSparse(raw, afterContext) {
    this.pendingInferred = false;
    if (raw.kind !== "compiler") return raw;
    const scope = afterContext ? this.context?.scope : void 0;
    const file = raw.file === void 0 ? void 0 : this.paths.file(raw.file);
    if (!this.sparse.claims(raw, file, scope !== void 0 && scope !== "sparse")) return raw;
    this.pendingInferred = scope !== "sparse";
    return { ...raw, kind: "sparse" };
  }
  /** A finding taken for sparse's was gcc's after all. */
  unclaim(d) {
    d.kind = "compiler";
    d.signature = signatureOf(d.kind, d.file, d.message);
    this.pendingInferred = false;
  }
  flush() {
    const d = this.pending;
    this.pending = void 0;
    this.pendingInferred = false;
    return d === void 0 ? [] : [d];
  }
  /** Takes a line that only explains the pending diagnostic; false if the line is anything else. */
  continuesPending(line) {
    const pending = this.pending;
    if (line === "") return true;
    if (SOURCE_EXCERPT.test(line)) {
      if (this.pendingInferred) this.unclaim(pending);
      return true;
    }
    if (pending.kind === "compiler" && this.sparseInfoOf(pending, line)) {
      pending.kind = "sparse";
      pending.signature = signatureOf(pending.kind, pending.file, pending.message);
    }
    if (pending.kind === "sparse") return this.sparseDetail(pending, line);
    if (line.startsWith(">>> ") && pending.kind === "linker") {
      this.addDetail(pending, line);
      if (pending.file === void 0) this.locateLldReference(pending, line);
      return true;
    }
    if (pending.kind === "dtc" && line.startsWith("  also defined at ")) {
      this.addDetail(pending, line);
      return true;
    }
    if (pending.kind === "kconfig" && KCONFIG_EXPLANATION.test(line)) {
      this.addDetail(pending, line);
      return true;
    }
    return false;
  }
  /** Whether `line` is one of sparse's info lines at the place of `d`, a finding with no [-Wflag]. */
  sparseInfoOf(d, line) {
    if (d.flag !== void 0 || d.column === void 0) return false;
    const info = sparseInfo(line);
    return info !== void 0 && info.text.startsWith("   ") && this.paths.file(info.file) === d.file && info.line === d.line && info.column === d.column;
  }
  /**
   * sparse's info lines after a finding, as detail: "   expected int" for those at the
   * finding's place (the place dropped), "file:3:9: this was the original definition" for
   * another place. The detail is part of a sparse finding's signature.
   */
  sparseDetail(d, line) {
    const info = sparseInfo(line);
    if (info === void 0) return false;
    const file = this.paths.file(info.file);
    const here = file === d.file && info.line === d.line && info.column === d.column;
    if (!here && info.text.startsWith("   ")) return this.heldInfo(line);
    const text = this.paths.text(info.text).trimEnd();
    (d.detail ??= []).push(here ? text : `${file ?? info.file}:${info.line}:${info.column}: ${text.trimStart()}`);
    d.signature = signatureOf(d.kind, d.file, d.message, d.detail);
    return true;
  }
  /**
   * ld.lld names the place of an error after it: ">>> referenced by time.c:31 (/build/src/
   * arch/x86/kernel/time.c:31)" with debug info, else ">>> referenced by time.c" and then
   * ">>>               arch/x86/kernel/time.o:(profile_pc)". The first reference locates it.
   */
  locateLldReference(d, line) {
    const by = /^>>> referenced by (\S+?)(?::(\d+))?(?: \((\S+?):(\d+)\))?$/.exec(line);
    if (by !== null) {
      if (by[3] !== void 0) this.locate(d, this.paths.file(by[3]), Number(by[4]));
      else this.lldSource = { name: by[1], line: by[2] === void 0 ? void 0 : Number(by[2]) };
      return;
    }
    const object = /^>>>\s+(\S+\.o):\(/.exec(line);
    if (object === null || this.lldSource === void 0) return;
    const file = this.paths.file(object[1]);
    if (file !== void 0) this.locate(d, besideObject(file, this.lldSource.name) ?? file, this.lldSource.line);
  }
  locate(d, file, line) {
    if (file === void 0) return;
    d.file = file;
    if (line !== void 0) d.line = line;
    d.signature = signatureOf(d.kind, file, d.message);
    this.lldSource = void 0;
  }
  addDetail(d, line) {
    (d.detail ??= []).push(this.paths.text(line.trim()));
  }
  attachNote(note, afterContext) {
    const file = note.file === void 0 ? void 0 : this.paths.file(note.file);
    const at = file === void 0 ? "" : `${file}:${note.line ?? ""}${note.column === void 0 ? "" : `:${note.column}`}: `;
    this.addDetail(this.pending, `${at}note: ${note.message}`);
    if (afterContext && this.context !== void 0) this.context.files.add(file ?? "");
  }
  addContext(c) {
    const text = this.paths.text(c.text);
    const subject = c.subject === void 0 ? void 0 : this.paths.file(c.subject);
    let group = this.context;
    if (c.opens || !this.lastWasContext || group === void 0 || group.scope !== c.scope) {
      group = { scope: c.scope, lines: [], files: /* @__PURE__ */ new Set() };
      this.context = group;
    }
    group.lines.push(text);
    if (subject !== void 0) {
      group.subject = subject;
      if (c.scope !== "sparse") group.files.add(subject);
    }
    this.lastWasContext = true;
  }
  /**
   * The context lines that belong to a diagnostic in `file` of `kind`. Context printed right
   * before a diagnostic is its own, whatever its file: a warning "In function 'f'" of x.c can
   * point into a macro of a header. gcc does not print it again for the next diagnostics in
   * the same function, so it also goes to later diagnostics in the files that claimed it.
   */
  contextFor(kind, file, afterContext) {
    const group = this.context;
    if (group === void 0 || scopeOf(kind) !== group.scope) return [];
    if (group.scope === "linker") return [...group.lines];
    if (afterContext) group.files.add(file ?? "");
    if (group.files.has(file ?? "")) return [...group.lines];
    this.context = void 0;
    return [];
  }
  /** GNU ld names the object in "in function" and the source by its base name ("time.c:(.text+0x11)"). */
  linkerSource(file) {
    const object = this.context?.scope === "linker" ? this.context.subject : void 0;
    if (object === void 0 || file.includes("/")) return file;
    return besideObject(object, file) ?? file;
  }
  complete(raw, afterContext) {
    let file = raw.file === void 0 ? void 0 : this.paths.file(raw.file);
    if (file !== void 0 && raw.kind === "linker") file = this.linkerSource(file);
    const message = this.paths.text(raw.message);
    const located = raw.file === void 0 || file !== void 0;
    return {
      kind: raw.kind,
      severity: raw.severity,
      ...file === void 0 ? {} : { file },
      ...raw.line === void 0 || !located ? {} : { line: raw.line },
      ...raw.column === void 0 || !located ? {} : { column: raw.column },
      message,
      ...raw.flag === void 0 ? {} : { flag: raw.flag },
      context: this.contextFor(raw.kind, file, afterContext),
      ...this.target === void 0 ? {} : { target: this.target },
      signature: signatureOf(raw.kind, file, message)
    };
  }
};

// src/parse/format.ts
function formatDiagnosticLine(d) {
  let at = "";
  if (d.file !== void 0) {
    at = d.file;
    if (d.line !== void 0) at += `:${d.line}`;
    if (d.column !== void 0) at += `:${d.column}`;
    at += ": ";
  }
  const flag = d.flag === void 0 ? "" : ` [${d.flag}]`;
  return `${at}${d.severity}: ${d.message}${flag}`;
}
function formatDiagnostic(d) {
  return [...d.context, formatDiagnosticLine(d), ...d.detail ?? []];
}

// src/parse/tail-buffer.ts
var TailBuffer = class {
  constructor(capacity) {
    this.capacity = capacity;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }
  capacity;
  items = [];
  next = 0;
  push(item) {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }
  /** The items kept, oldest first. */
  toArray() {
    return this.items.length < this.capacity ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
  get size() {
    return this.items.length;
  }
};

// src/parse/excerpt.ts
var ExcerptCollector = class {
  tail;
  maxErrors;
  errors = [];
  constructor(opts = {}) {
    this.tail = new TailBuffer(opts.tailLines ?? 20);
    this.maxErrors = opts.maxErrors ?? 10;
  }
  /** Records a line of the log. */
  addLine(line) {
    this.tail.push(line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line);
  }
  /** Records diagnostics parsed from the log; keeps the first errors that are not make's nor sparse's (which fail nothing). */
  addDiagnostics(diagnostics) {
    for (const d of diagnostics) {
      if (this.errors.length >= this.maxErrors) return;
      if (d.severity === "error" && d.kind !== "make" && d.kind !== "sparse") this.errors.push(d);
    }
  }
  /** The excerpt for the log seen so far. */
  excerpt() {
    if (this.errors.length > 0) return { source: "errors", lines: this.errors.flatMap(formatDiagnostic), errors: [...this.errors] };
    return { source: "tail", lines: this.tail.toArray(), errors: [] };
  }
};

// src/diagnostics/failure-reason.ts
var KILLED = /Killed signal terminated program|terminated with signal 9 \[Killed\]|\] Error 137$|^Killed$|: Killed$/;
var FailureSignals = class {
  killed = false;
  noSpace = false;
  see(line) {
    if (!this.noSpace && line.includes("No space left on device")) this.noSpace = true;
    if (!this.killed && line.includes("Killed") || line.endsWith("Error 137")) this.killed ||= KILLED.test(line);
  }
  /** The machine fault the log shows, if any; no space wins, since a full tmpfs also kills. */
  reason() {
    if (this.noSpace) return "no space left on /build";
    if (this.killed) return "out of memory";
    return void 0;
  }
};

// src/parse/compile-steps.ts
var COMPILE_STEP = /^  (?:CC|AS)(?: \[M\])? +\S/;
function isCompileStep(line) {
  return COMPILE_STEP.test(line);
}

// src/diagnostics/scan-log.ts
async function scanLog(path, target, onDiagnostic) {
  const parser = new LogParser({ target });
  const excerpt2 = new ExcerptCollector();
  const splitter = new LineSplitter();
  const signals = new FailureSignals();
  let objects = 0;
  const take = (lines) => {
    for (const line of lines) {
      excerpt2.addLine(line);
      signals.see(line);
      if (isCompileStep(line)) objects++;
      const found2 = parser.push(line);
      excerpt2.addDiagnostics(found2);
      for (const d of found2) onDiagnostic(d);
    }
  };
  try {
    for await (const chunk of createReadStream(path)) take(splitter.push(chunk));
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  take(splitter.end());
  const last = parser.end();
  excerpt2.addDiagnostics(last);
  for (const d of last) onDiagnostic(d);
  const fault = signals.reason();
  return { excerpt: excerpt2.excerpt(), ...fault ? { fault } : {}, objects };
}

// src/diagnostics/analyse.ts
import { readFileSync as readFileSync3 } from "node:fs";

// src/boot/analyse-boot.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { join as join9 } from "node:path";

// src/boot/console-line.ts
var SCREEN_RESET = /\x1bc|\x1b\[[0-9;]*J/g;
var ANSI2 = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
var CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;
var HAS_CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
var PRINTK_PREFIX = /^(?:<[0-7]>)?(\[\s*\d+\.\d+\])?(?:\[\s*[CT]\d+\])? ?/;
function consoleTexts(raw) {
  const line = raw.length > MAX_LINE_LENGTH ? raw.slice(0, MAX_LINE_LENGTH) : raw;
  const out = [];
  const escaped = line.indexOf("\x1B") !== -1;
  const reset = escaped ? line.replace(SCREEN_RESET, "\r") : line;
  const segments = reset.indexOf("\r") === -1 ? [reset] : reset.split("\r");
  for (const segment of segments) {
    let s = segment;
    if (escaped) s = s.replace(ANSI2, "");
    if (HAS_CONTROL.test(s)) s = s.replace(CONTROL, "");
    const prefix = PRINTK_PREFIX.exec(s);
    const text = s.slice(prefix[0].length).trim();
    if (text !== "" || prefix[1] !== void 0) out.push({ text, timestamped: prefix[1] !== void 0 });
  }
  return out;
}

// src/boot/console-patterns.ts
var SYMBOL = /^(?:([\w.$]+)\+0x[0-9a-f]+\/0x[0-9a-f]+(?:\s+\[[^\]]*\])?|0x[0-9a-f]+)$/;
function functionOf(symbol) {
  return SYMBOL.exec(symbol.trim())?.[1];
}
var error = "error";
var PANIC = /^Kernel panic - not syncing: (.*)$/;
var WARNING_AT = /^WARNING: CPU: \d+ PID: \d+ at (?:(\S+):(\d+) )?(.+)$/;
var WARNING = /^WARNING: (.+)$/;
var X86_FAULT = /^(BUG: (?:kernel NULL pointer dereference|unable to handle (?:page fault|kernel \w[\w ]*?)))(?:, address:| at| for address:) (\S+)$/;
var FAULT = /^(Unable to handle kernel .+?) at virtual address (\S+)$/;
var KERNEL_BUG_AT = /^kernel BUG at (\S+?):(\d+)!$/i;
var KERNEL_BUG_UNAVAILABLE = /^Kernel BUG at (\S+) \[verbose debug info unavailable\]$/;
var X86_OOPS = /^(.+?): [0-9a-f]{4} \[#\d+\]/;
var ARM_OOPS = /^Internal error: (.+?): [0-9a-f]+ \[#\d+\]/;
var RISCV_OOPS = /^((?:Oops|Kernel BUG)\b.*?) \[#\d+\]$/;
var KASAN = /^BUG: KASAN: (.+)$/;
var BUG = /^(?:watchdog: )?(BUG: .+)$/;
var BUG_AT = /^(.+?) at (\S+?):(\d+)$/;
var UBSAN = /^UBSAN: (.+?) in (\S+?):(\d+):(\d+)$/;
var HUNG_TASK = /^INFO: task (.+):\d+ blocked for more than (\d+) seconds\.$/;
var RCU_STALL = /^(?:rcu: )?INFO: (rcu_\w+ (?:detected stalls? on .+?|self-detected stall on CPU)):?$/;
var MAYBE_HEADER = /^(?:Kernel (?:panic|BUG)|kernel BUG|WARNING: |BUG: |Unable to handle|Internal error: |watchdog: BUG|UBSAN: |INFO: |rcu: INFO: |Oops)| \[#\d+\]/;
function matchHeader(text) {
  if (!MAYBE_HEADER.test(text)) return null;
  let m = PANIC.exec(text);
  if (m !== null) return { kind: "panic", severity: error, message: text };
  if ((m = WARNING_AT.exec(text)) !== null) {
    const fn = functionOf(m[3]);
    return {
      kind: "boot-warning",
      severity: "warning",
      message: fn === void 0 ? "WARNING" : `WARNING in ${fn}`,
      ...m[1] === void 0 ? {} : { file: m[1], line: Number(m[2]) }
    };
  }
  if ((m = X86_FAULT.exec(text) ?? FAULT.exec(text)) !== null) {
    return { kind: "oops", severity: error, message: m[1], expectsOopsLine: true, keepLine: true };
  }
  if ((m = KERNEL_BUG_AT.exec(text)) !== null) {
    return { kind: "oops", severity: error, message: "kernel BUG", file: m[1], line: Number(m[2]), expectsOopsLine: true };
  }
  if (KERNEL_BUG_UNAVAILABLE.test(text)) return { kind: "oops", severity: error, message: "kernel BUG", expectsOopsLine: true };
  if ((m = ARM_OOPS.exec(text)) !== null) return { kind: "oops", severity: error, message: `Internal error: ${m[1]}`, isOopsLine: true };
  if ((m = KASAN.exec(text)) !== null) return { kind: "kasan", severity: error, message: `BUG: KASAN: ${m[1]}` };
  if ((m = BUG.exec(text)) !== null) {
    const at = BUG_AT.exec(m[1]);
    if (at === null) return { kind: "bug", severity: error, message: m[1] };
    return { kind: "bug", severity: error, message: at[1], file: at[2], line: Number(at[3]) };
  }
  if ((m = UBSAN.exec(text)) !== null) {
    return { kind: "ubsan", severity: error, message: `UBSAN: ${m[1]}`, file: m[2], line: Number(m[3]), column: Number(m[4]) };
  }
  if ((m = HUNG_TASK.exec(text)) !== null) {
    return { kind: "hung-task", severity: error, message: `INFO: task ${m[1]} blocked for more than ${m[2]} seconds` };
  }
  if ((m = RCU_STALL.exec(text)) !== null) return { kind: "rcu-stall", severity: error, message: `rcu: INFO: ${m[1]}` };
  if (WARNING.test(text)) return { kind: "boot-warning", severity: "warning", message: text };
  if ((m = RISCV_OOPS.exec(text) ?? X86_OOPS.exec(text)) !== null) {
    return { kind: "oops", severity: error, message: m[1], isOopsLine: true };
  }
  return null;
}
var CUT_HERE = /^(?:-+\[ cut here \]-+|8<-+ cut here -+)$/;
var END_MARKER = /^---\[ end (?:trace [0-9a-f]+|Kernel panic - not syncing: .*) \]---$/;
var TRACE_START = /^(?:Call [Tt]race:|Backtrace:)$/;
var FRAME = /^(?:\[<[0-9a-f]+>\]\s*)?(?:\? )?(?:[\w.$]+\+0x[0-9a-f]+\/0x[0-9a-f]+(?:\s+\[[^\]]*\])?|0x[0-9a-f]+|<\/?[A-Z]+>)$/;
var BRACKETED_FRAME = /^\[<[0-9a-f]+>\]/;
var REGISTERS = /^(?:[A-Z][A-Z0-9]{1,3}|Code|NMI backtrace for cpu \d+|Sending NMI from CPU \d+ to CPUs [\d,-]+):/;
var PC = /^(?:RIP: [0-9a-f]{4}:|EIP: |pc : |epc : )(\S+(?: \[[^\]]*\])?)$/;
var DUMP_START = /^(?:CPU: \d+ PID: \d+|Hardware name:|Modules linked in:)|^(?:[A-Z][A-Z0-9]{1,3}|[a-z0-9]{2,3} ?|Code): /;

// src/boot/signature.ts
var HEX = /\+?0x[0-9a-f]+(?:\/0x[0-9a-f]+)?/gi;
var BARE_ADDRESS = /\b[0-9a-f]{8,16}\b/g;
var NUMBER = /\b\d+s?\b/g;
function bootSignature(kind, file, message) {
  return signatureOf(kind, file, message.replace(HEX, "").replace(BARE_ADDRESS, "").replace(NUMBER, ""));
}

// src/boot/console-parser.ts
var MAX_TRACE_LINES = 64;
var MAX_EXPLANATION_LINES = 6;
var MAX_CUT_LINES = 4;
var MAX_KEPT_LINE = 1024;
var MAX_REPORT_LINES = 200;
var LAST_LINES = 5;
var SENTINEL = /kernelbuilder-boot: ok (\S+)/;
var INIT_STARTED = /kernelbuilder-init: started|^Run \S+ as init process$/;
var BANNER = /^Linux version \S+/;
function keep(line) {
  return line.length > MAX_KEPT_LINE ? line.slice(0, MAX_KEPT_LINE) : line;
}
var ConsoleParser = class {
  target;
  paths;
  open;
  /** Lines after a `cut here`, until the report it announced starts. */
  cut;
  last = new TailBuffer(LAST_LINES);
  state = {
    lines: 0,
    output: false,
    kernelOutput: false,
    initStarted: false,
    errors: 0,
    warnings: 0
  };
  constructor(opts = {}) {
    this.target = opts.target;
    this.paths = new PathNormaliser(opts.treePrefixes);
  }
  /** Reads one console line (without its newline); returns the reports it completes. */
  push(rawLine) {
    this.state.lines++;
    const done = [];
    for (const { text, timestamped } of consoleTexts(rawLine)) {
      if (timestamped) this.state.kernelOutput = true;
      if (text !== "") this.read(text, done);
    }
    return done;
  }
  /** Ends the console; returns the report still open. */
  end() {
    this.cut = void 0;
    const done = [];
    this.close(done);
    return done;
  }
  /** What the console showed so far; complete once end() has been called. */
  summary() {
    return { ...this.state, lastLines: this.last.toArray() };
  }
  read(whole, done) {
    const text = keep(whole);
    const s = this.state;
    s.output = true;
    this.last.push(text);
    if (BANNER.test(text)) s.kernelOutput = true;
    const sentinel = SENTINEL.exec(text);
    if (sentinel !== null) {
      s.release ??= sentinel[1];
      s.kernelOutput = true;
    }
    if (INIT_STARTED.test(text)) s.initStarted = s.kernelOutput = true;
    if (CUT_HERE.test(text)) {
      this.close(done);
      this.cut = [];
      return;
    }
    const header2 = matchHeader(text);
    if (header2 !== null) {
      s.kernelOutput = true;
      const open = this.open;
      if (header2.isOopsLine && open?.expectsOopsLine) {
        open.expectsOopsLine = false;
        if (open.explanation.length < MAX_EXPLANATION_LINES) open.explanation.push(text);
        return;
      }
      this.close(done);
      this.start(header2, text);
      return;
    }
    if (this.open !== void 0) this.continue(this.open, text, done);
    else if (this.cut !== void 0) {
      if (this.cut.length < MAX_CUT_LINES) this.cut.push(text);
      else this.cut = void 0;
    }
  }
  start(header2, text) {
    const context = header2.kind === "boot-warning" ? this.cut ?? [] : [];
    this.cut = void 0;
    const explanation = header2.keepLine === true ? [text] : [];
    this.open = {
      header: header2,
      context,
      explanation,
      trace: [],
      expectsOopsLine: header2.expectsOopsLine === true,
      explaining: header2.kind === "ubsan" || header2.kind === "kasan" || header2.kind === "bug" || header2.kind === "oops",
      inTrace: false,
      lines: 0
    };
  }
  continue(r, text, done) {
    if (END_MARKER.test(text) || ++r.lines > MAX_REPORT_LINES) {
      this.close(done);
      return;
    }
    if (TRACE_START.test(text)) {
      r.inTrace = true;
      r.explaining = false;
      return;
    }
    if (FRAME.test(text) && (r.inTrace || r.header.kind === "oops" && BRACKETED_FRAME.test(text))) {
      r.inTrace = true;
      r.explaining = false;
      if (r.trace.length < MAX_TRACE_LINES) r.trace.push(text);
      return;
    }
    if (r.inTrace) {
      if (!REGISTERS.test(text) && r.trace.length > 0) this.close(done);
      return;
    }
    if (r.pcFunction === void 0) {
      const pc = PC.exec(text);
      if (pc !== null) r.pcFunction = functionOf(pc[1]);
    }
    if (r.explaining) {
      if (DUMP_START.test(text) || r.explanation.length >= MAX_EXPLANATION_LINES) r.explaining = false;
      else r.explanation.push(this.paths.text(text));
    }
  }
  close(done) {
    const r = this.open;
    if (r === void 0) return;
    this.open = void 0;
    const d = this.complete(r);
    this.note(d);
    done.push(d);
  }
  complete(r) {
    const h = r.header;
    const file = h.file === void 0 ? void 0 : this.paths.file(h.file);
    let message = this.paths.text(h.message);
    if (h.kind === "oops" && r.pcFunction !== void 0) message += ` in ${r.pcFunction}`;
    const detail = [...r.explanation, ...r.trace];
    return {
      kind: h.kind,
      severity: h.severity,
      ...file === void 0 ? {} : { file },
      ...file === void 0 || h.line === void 0 ? {} : { line: h.line },
      ...file === void 0 || h.column === void 0 ? {} : { column: h.column },
      message,
      context: r.context,
      ...detail.length === 0 ? {} : { detail },
      ...this.target === void 0 ? {} : { target: this.target },
      signature: bootSignature(h.kind, file, message)
    };
  }
  /** Keeps in the summary what the verdict needs of a report. */
  note(d) {
    const s = this.state;
    if (d.severity === "warning") {
      s.warnings++;
      return;
    }
    s.errors++;
    if (d.kind === "panic" || d.kind === "oops") {
      if (s.crash === void 0) s.crash = d;
      else if (d.kind === "panic" && s.crash.kind === "oops") s.panicAfterCrash ??= d;
    } else {
      s.firstError ??= d;
    }
  }
};

// src/boot/verdict.ts
function fail(reason, message, d) {
  return {
    status: "fail",
    reason,
    message,
    ...d?.file === void 0 ? {} : { file: d.file },
    ...d?.line === void 0 ? {} : { line: d.line },
    ...d === void 0 ? {} : { signature: d.signature }
  };
}
function where(d) {
  return d.file === void 0 ? "" : ` at ${d.file}${d.line === void 0 ? "" : `:${d.line}`}`;
}
function lastSeen(s) {
  const last = s.lastLines.at(-1);
  return last === void 0 ? "nothing" : `"${last}"`;
}
var PANIC_PREFIX = "Kernel panic - not syncing: ";
function bootVerdict(s, qemu) {
  const crash = s.crash;
  if (crash?.kind === "panic") return fail("kernel panic", crash.message.slice(PANIC_PREFIX.length) || crash.message, crash);
  if (crash !== void 0) {
    const then = s.panicAfterCrash === void 0 ? "" : `, then ${s.panicAfterCrash.message}`;
    return fail("oops", `${crash.message}${where(crash)}${then}`, crash);
  }
  if (!qemu.timedOut && qemu.exitCode !== 0) {
    const how = qemu.exitCode === null ? "QEMU died of a signal" : `QEMU exited with code ${qemu.exitCode}`;
    return fail("qemu error", `${how}; last seen: ${lastSeen(s)}`);
  }
  if (!s.kernelOutput) {
    return fail("no console output", s.output ? `nothing from the kernel; last seen: ${lastSeen(s)}` : "the console stayed empty");
  }
  if (qemu.timedOut) {
    const stage = s.release !== void 0 ? "the sentinel came but the machine did not power off" : s.initStarted ? "init started but printed no sentinel" : "init was not started";
    const error2 = s.firstError === void 0 ? "" : `; ${s.firstError.message}${where(s.firstError)}`;
    return fail("timeout", `killed at the boot timeout: ${stage}${error2}; last seen: ${lastSeen(s)}`, s.firstError);
  }
  if (s.firstError !== void 0) return fail("kernel error", `${s.firstError.message}${where(s.firstError)}`, s.firstError);
  if (!s.initStarted && s.release === void 0) return fail("init not reached", `the machine stopped before init; last seen: ${lastSeen(s)}`);
  if (s.release === void 0) return fail("no sentinel", `init started but the machine stopped without the sentinel; last seen: ${lastSeen(s)}`);
  return { status: "pass", release: s.release, warnings: s.warnings };
}

// src/boot/analyse-boot.ts
async function analyseBoot(t, logsDir, onDiagnostic) {
  const boot = t.boot;
  if (!boot?.console || boot.exitCode === void 0 || boot.status === "skipped") return boot;
  const parser = new ConsoleParser({ target: t.target });
  const splitter = new LineSplitter();
  const take = (line) => {
    for (const d of parser.push(line)) onDiagnostic(d);
  };
  try {
    for await (const chunk of createReadStream2(join9(logsDir, boot.console))) splitter.feed(chunk, take);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  for (const line of splitter.end()) take(line);
  for (const d of parser.end()) onDiagnostic(d);
  const summary = parser.summary();
  const verdict = bootVerdict(summary, { exitCode: boot.exitCode, timedOut: boot.timedOut ?? false });
  const { machine, durationSeconds, exitCode, timedOut, console: console2, reproducer: reproducer2 } = boot;
  return { machine, durationSeconds, exitCode, timedOut, console: console2, reproducer: reproducer2, ...verdict, errors: summary.errors, warnings: summary.warnings };
}

// src/diagnostics/analyse.ts
var EXCERPT_LINES = 40;
async function analyseLogs(results, logsDir, noise) {
  const collector = new IssueCollector();
  const counts = { errors: 0, warnings: 0, noise: 0, sectionMismatches: 0, syscalls: 0, sparse: 0, bootErrors: 0, bootWarnings: 0 };
  const targets = [];
  for (const t of results.targets) {
    let errors = 0;
    let warnings = 0;
    const count = (d) => {
      const filtered = isNoise(d, noise);
      collector.add(d, filtered);
      const key = tally(d, filtered);
      if (key) counts[key]++;
      if (key === "errors") errors++;
      if (key === "warnings") warnings++;
    };
    const { excerpt: excerpt2, fault, objects } = await scanLog(join10(logsDir, t.log), t.target, count);
    for (const d of unmetRequests(t, logsDir)) count(d);
    const boot = await analyseBoot(t, logsDir, (d) => {
      collector.add(d, false);
      const key = tally(d, false);
      if (key) counts[key]++;
    });
    targets.push({
      ...t,
      ...t.status === "fail" && !t.reason && fault ? { reason: fault } : {},
      errors,
      warnings,
      objects,
      ...t.status === "pass" ? {} : { excerpt: { source: excerpt2.source, lines: excerpt2.lines.slice(0, EXCERPT_LINES) } },
      ...boot ? { boot } : {}
    });
  }
  const { bootErrors, bootWarnings, ...buildCounts } = counts;
  const booted = targets.some((t) => t.boot && t.boot.status !== "skipped");
  return { ...results, result: results.result === "error" ? "error" : targetsResult(targets), targets, counts: booted ? counts : buildCounts, issues: collector.issues() };
}
function unmetRequests(t, logsDir) {
  if (!t.requires?.length || !t.dotConfig) return [];
  let dotConfig;
  try {
    dotConfig = readFileSync3(join10(logsDir, t.dotConfig), "utf8");
  } catch {
    return [];
  }
  return unmetOptions(t.requires, dotConfig).map(({ option, want, got }) => {
    const message = `requested ${option}=${want} did not reach .config (it is ${got})`;
    return { kind: "kconfig", severity: "warning", file: ".config", message, context: [], target: t.target, signature: `kconfig|.config|${message}` };
  });
}

// src/engine.ts
import { chownSync as chownSync2, createWriteStream, mkdirSync as mkdirSync3, readFileSync as readFileSync4 } from "node:fs";
import { join as join20 } from "node:path";

// src/images/inspect.ts
var ImageLabel = {
  toolchain: "org.kernelbuilder.toolchain",
  toolchainVersion: "org.kernelbuilder.toolchain-version",
  arches: "org.kernelbuilder.arches",
  crossPrefix: "org.kernelbuilder.cross.",
  makeVars: "org.kernelbuilder.make-vars",
  /** Set only on images whose userland is not the host's own, e.g. x32. */
  userland: "org.kernelbuilder.userland",
  /** Set only on images that build no kernel: `base`, `boot`. */
  role: "org.kernelbuilder.role",
  /** On a boot image: the machines (src/boot/machines.json names) it can boot, space separated. */
  boots: "org.kernelbuilder.boots"
};
var MAKE_VAR = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._\/+-]*$/;
function imageInfoFromInspect(name, inspect) {
  const labels = inspect.Config?.Labels ?? {};
  const arches = (labels[ImageLabel.arches] ?? "").split(/\s+/).filter(Boolean);
  const cross = {};
  for (const arch of arches) cross[arch] = labels[`${ImageLabel.crossPrefix}${arch}`] ?? "";
  const version = labels[ImageLabel.toolchainVersion];
  return {
    name,
    id: inspect.Id,
    digest: inspect.RepoDigests?.[0] ?? inspect.Id,
    toolchain: `${labels[ImageLabel.toolchain] ?? "unknown"}${version ? ` ${version}` : ""}`,
    arches,
    cross,
    makeVars: (labels[ImageLabel.makeVars] ?? "").split(/\s+/).filter(Boolean),
    ...labels[ImageLabel.userland] ? { userland: labels[ImageLabel.userland] } : {}
  };
}
async function inspectImage(docker, name) {
  let inspect;
  try {
    inspect = await docker.getImage(name).inspect();
  } catch (e) {
    if (e.statusCode !== 404) throw new DockerError(`could not inspect image ${name}: ${e.message}`);
  }
  if (!inspect || !isNamed(inspect, name)) {
    throw new DockerError(
      `image ${name} is not present on this Docker engine; build it with 'kernelbuilder images build --only ${name}' (or load it with 'docker load')`
    );
  }
  const role = inspect.Config?.Labels?.[ImageLabel.role];
  if (role) {
    throw new DockerError(`image ${name} is a ${role} image (label ${ImageLabel.role}=${role}): it builds no kernel; choose a builder image`);
  }
  const info = imageInfoFromInspect(name, inspect);
  const badVar = info.makeVars.find((v) => !MAKE_VAR.test(v));
  if (badVar !== void 0) {
    throw new DockerError(`image ${name} asks for make variable ${JSON.stringify(badVar)} (label ${ImageLabel.makeVars}): only NAME=value with plain characters is allowed`);
  }
  if (info.arches.length === 0) {
    throw new DockerError(`image ${name} declares no arches: it lacks the label ${ImageLabel.arches} that kernelbuilder images carry`);
  }
  return info;
}
function isNamed(inspect, name) {
  const tagged = name.includes(":") && !name.includes("@") ? name : `${name}:latest`;
  return inspect.Id === name || (inspect.RepoTags ?? []).includes(tagged) || (inspect.RepoDigests ?? []).includes(name);
}
function checkImageArches(info, arches) {
  const missing = arches.filter((a) => !info.arches.includes(a));
  if (missing.length > 0) {
    throw new DockerError(
      `image ${info.name} cannot build ${missing.join(", ")}: it declares arches ${info.arches.join(" ")} (label ${ImageLabel.arches}); drop those arches or choose another image`
    );
  }
}

// src/images/userland.ts
import { Readable } from "node:stream";

// src/container/demux.ts
var HEADER = 8;
async function* demuxDockerStream(raw) {
  let pending = Buffer.alloc(0);
  for await (const chunk of raw) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= HEADER) {
      const size = pending.readUInt32BE(4);
      if (pending.length < HEADER + size) break;
      const stream = pending[0] === 2 ? "stderr" : "stdout";
      yield { stream, data: pending.subarray(HEADER, HEADER + size) };
      pending = pending.subarray(HEADER + size);
    }
  }
}

// src/images/userland.ts
var NEEDS = {
  x32: "a kernel built with CONFIG_X86_X32_ABI=y (Debian kernels also need the boot parameter syscall.x32=y)"
};
var FOREIGN_USERLANDS = Object.keys(NEEDS);
async function checkImageUserland(docker, image) {
  if (image.userland === void 0) return;
  const container = await docker.createContainer({
    Image: image.id,
    Cmd: ["true"],
    Labels: { [CONTAINER_LABEL]: "userland-check", [OWNER_LABEL]: String(process.pid) },
    NetworkDisabled: true,
    HostConfig: { NetworkMode: "none", CapDrop: ["ALL"], SecurityOpt: ["no-new-privileges"], ReadonlyRootfs: true }
  });
  let failure;
  try {
    await container.start();
    const { StatusCode } = await container.wait();
    if (StatusCode !== 0) {
      const lastLine = (await containerOutput(container)).trim().split("\n").at(-1);
      failure = `exit ${StatusCode}${lastLine ? `: ${lastLine}` : ""}`;
    }
  } catch (e) {
    failure = e.message;
  } finally {
    await container.remove({ force: true }).catch(() => void 0);
  }
  if (failure !== void 0) {
    const needs = NEEDS[image.userland] ?? `a host that runs ${image.userland} binaries`;
    throw new DockerError(
      `image ${image.name} has the userland ${image.userland}, which this host cannot run (true in the image failed: ${failure}); it needs ${needs}. Build on such a host, or choose an image with a native userland (input image or image-table)`
    );
  }
}
async function containerOutput(container) {
  const raw = await container.logs({ stdout: true, stderr: true, follow: false });
  let text = "";
  for await (const { data } of demuxDockerStream(Readable.from([raw]))) text += data.toString("utf8");
  return text;
}

// src/container/spec.ts
import { join as join11 } from "node:path";
var FALLBACK_BUILD_USER = "1001:1001";
var PIDS_LIMIT = 8192;
function ccacheDirFor(root, image) {
  return join11(root, image.id.replace(/^sha256:/, "").slice(0, 16));
}
function driverTarget(t, objdirBytes) {
  const bytes = objdirBytes === void 0 ? NaN : Math.ceil(objdirBytes);
  return [t.arch, t.config, t.base ?? t.config, Number.isSafeInteger(bytes) && bytes > 0 ? String(bytes) : "", ...(t.fragments ?? []).map(fragmentWord)].join("|");
}
function ccacheSize(size) {
  const m = /^(\d+)([kmg]?)$/.exec(size);
  if (!m || m[2] === "") return size;
  return `${m[1]}${m[2].toUpperCase()}i`;
}
function buildUser(uid, gid) {
  return uid === 0 ? FALLBACK_BUILD_USER : `${uid}:${gid}`;
}
function containerSpec(plan, image, driverDir, user, ownerPid = process.pid) {
  const arches = [...new Set(plan.targets.map((t) => t.arch))];
  const env = [
    `ARCH=${arches.join(" ")}`,
    "HOME=/build/home",
    "LC_ALL=C.UTF-8",
    `KB_MAKE_VARS=${image.makeVars.join(" ")}`,
    // One a line: a value may hold spaces (KCFLAGS=-Wall -Werror); none holds a newline (make-vars.ts).
    `KB_USER_MAKE_VARS=${plan.makeVars.join("\n")}`,
    ...plan.limits.targetTimeout ? [`KB_TARGET_TIMEOUT=${plan.limits.targetTimeout}`] : [],
    `KB_SPACE_LIMIT=${plan.spaceLimitBytes}`,
    // Fixed from the commit, so that two builds of one sha compile the same bytes (and hit ccache).
    `KBUILD_BUILD_TIMESTAMP=${plan.commits[0]?.date ?? ""}`,
    "KBUILD_BUILD_USER=kernelbuilder",
    "KBUILD_BUILD_HOST=kernelbuilder",
    // Depend mode: a miss takes the dependencies from the compiler's own -MMD output
    // (kbuild's -Wp,-MMD) instead of running the preprocessor a second time.
    ...plan.ccache ? ["KB_CCACHE=1", "CCACHE_DIR=/ccache", `CCACHE_MAXSIZE=${ccacheSize(plan.ccache.maxSize)}`, "CCACHE_DEPEND=1"] : [],
    ...arches.map((a) => `KB_CROSS_${a}=${image.cross[a] ?? ""}`),
    `KB_KEEP=${plan.keep.join(",")}`,
    ...plan.boot ? [`KB_BOOT_TARGETS=${plan.boot.targets.join(" ")}`] : []
  ];
  return {
    Image: image.id,
    Entrypoint: ["/bin/bash"],
    Cmd: [`${DRIVER_MOUNT}/driver.sh`, plan.ref.sha, String(plan.jobs), ...longestFirst(plan.targets, new Map(Object.entries(plan.estimates))).map((t) => driverTarget(t, plan.costs[targetName(t)]?.objdirBytes))],
    Env: env,
    User: user,
    Labels: { [CONTAINER_LABEL]: `${plan.tree}/${plan.ref.buildId}`, [OWNER_LABEL]: String(ownerPid) },
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      Mounts: [
        { Type: "bind", Source: plan.source, Target: SOURCE_MOUNT, ReadOnly: true },
        ...plan.sourceMounts.map((m) => ({ Type: "bind", Source: m.host, Target: m.container, ReadOnly: true })),
        { Type: "bind", Source: plan.logsDir, Target: "/logs", ReadOnly: false },
        { Type: "bind", Source: driverDir, Target: DRIVER_MOUNT, ReadOnly: true },
        ...plan.ccache ? [{ Type: "bind", Source: ccacheDirFor(plan.ccache.dir, image), Target: "/ccache", ReadOnly: false }] : []
      ],
      Tmpfs: {
        "/build": `size=${plan.tmpfsSize},exec,mode=1777`,
        "/tmp": "size=1g,exec,mode=1777"
      },
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      PidsLimit: PIDS_LIMIT,
      Init: true,
      // Swap as large as memory would let a build thrash instead of failing: no swap.
      ...plan.limits.memory ? { Memory: plan.limits.memory, MemorySwap: plan.limits.memory } : {},
      ...plan.limits.cpus ? { NanoCpus: Math.round(plan.limits.cpus * 1e9) } : {}
    }
  };
}

// src/results/ccache-stats.ts
function parseCcacheStats(text) {
  const stats = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const [name, value] = line.split("	");
    if (name && /^\d+$/.test(value ?? "")) stats.set(name, Number(value));
  }
  return stats;
}
function ccacheDelta(before, after) {
  const b = parseCcacheStats(before);
  const a = parseCcacheStats(after);
  const delta = (name) => Math.max(0, (a.get(name) ?? 0) - (b.get(name) ?? 0));
  const hits = delta("direct_cache_hit") + delta("preprocessed_cache_hit");
  const misses = delta("cache_miss");
  return { hits, misses, hitRate: hits + misses === 0 ? 0 : Math.round(hits / (hits + misses) * 1e3) / 1e3 };
}

// src/container/run.ts
var DRAIN_MS = 1e4;
async function runContainer(docker, spec, sink, signal) {
  const container = await docker.createContainer(spec);
  try {
    const raw = await container.attach({ stream: true, stdout: true, stderr: true });
    const draining = pumpLines(raw, sink);
    const exited = container.wait({ condition: "next-exit" });
    const kill = () => void container.kill().catch(() => void 0);
    signal?.addEventListener("abort", kill, { once: true });
    try {
      await container.start();
      if (signal?.aborted) kill();
      const exitCode = await Promise.race([
        exited.then((r) => r.StatusCode),
        draining.then(() => exitAfterOutputEnded(container, exited))
      ]);
      await drainWithin(draining, raw, DRAIN_MS);
      return { exitCode };
    } finally {
      signal?.removeEventListener("abort", kill);
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => void 0);
  }
}
var CHECK_MS = 2e3;
async function exitAfterOutputEnded(container, exited) {
  for (; ; ) {
    let timer;
    const tick = new Promise((r) => {
      timer = setTimeout(() => r(void 0), CHECK_MS);
    });
    const settled = await Promise.race([exited.then((r) => r.StatusCode), tick]).finally(() => clearTimeout(timer));
    if (settled !== void 0) return settled;
    let state;
    try {
      state = (await container.inspect()).State;
    } catch (e) {
      throw new Error(`lost the connection to the Docker engine: ${e.message}`);
    }
    if (!state.Running) return state.ExitCode;
  }
}
async function pumpLines(raw, sink) {
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  for await (const { stream, data } of demuxDockerStream(raw)) {
    for (const line of splitters[stream].push(data)) sink(stream, line);
  }
  for (const stream of ["stdout", "stderr"]) {
    for (const line of splitters[stream].end()) sink(stream, line);
  }
}
async function drainWithin(draining, raw, ms) {
  let timer;
  const timeout = new Promise((resolve6) => {
    timer = setTimeout(() => {
      raw.destroy?.();
      resolve6();
    }, ms);
  });
  try {
    await Promise.race([draining.catch(() => void 0), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// src/container/logs-watch.ts
import { lstatSync as lstatSync5, readdirSync as readdirSync4 } from "node:fs";
import { join as join12 } from "node:path";
function measureFolder(dir, bound) {
  const use = { bytes: 0, entries: 0 };
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop();
    let names2;
    try {
      names2 = readdirSync4(folder);
    } catch {
      continue;
    }
    for (const name of names2) {
      const path = join12(folder, name);
      use.entries++;
      try {
        const stat = lstatSync5(path);
        if (stat.isDirectory()) pending.push(path);
        else use.bytes += stat.size;
      } catch {
      }
      if (exceeds(use, bound)) return use;
    }
  }
  return use;
}
function exceeds(use, bound) {
  return use.bytes > bound.bytes || use.entries > bound.entries;
}
var LOGS_MAX_ENTRIES = 1e5;
function watchLogsFolder(dir, limitBytes, onOver, intervalMs = 2e3) {
  const bound = { bytes: limitBytes, entries: LOGS_MAX_ENTRIES };
  const timer = setInterval(() => {
    const use = measureFolder(dir, bound);
    if (exceeds(use, bound)) {
      clearInterval(timer);
      onOver(use);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// src/report/live-progress.ts
import { availableParallelism as availableParallelism2 } from "node:os";

// src/container/log-tail.ts
import { closeSync as closeSync3, constants as constants3, existsSync as existsSync2, fstatSync as fstatSync3, lstatSync as lstatSync6, openSync as openSync3, readSync as readSync3, readlinkSync as readlinkSync2, realpathSync as realpathSync5 } from "node:fs";
import { join as join13 } from "node:path";
var MAX_BYTES_PER_POLL = 1 << 20;
var LogTail = class {
  /** `logs`: each target's log, relative to `dir`. */
  constructor(dir, logs, events) {
    this.dir = dir;
    this.events = events;
    this.realDir = realpathSync5(dir);
    for (const [target, rel] of Object.entries(logs)) this.logs.set(target, { rel, offset: 0, splitter: new LineSplitter(), closed: false });
  }
  dir;
  events;
  logs = /* @__PURE__ */ new Map();
  realDir;
  /** Read what every open or newly there log grew by since the last poll. */
  poll() {
    for (const target of this.logs.keys()) this.read(target);
  }
  /** Read the rest of a target's log (bounded, as a poll) with its unfinished last line, and stop following it. */
  finish(target) {
    const t = this.logs.get(target);
    if (!t || t.closed) return;
    this.read(target);
    const rest = t.splitter.end();
    if (rest.length > 0) this.events.lines(target, rest);
    this.close(t);
  }
  /** Stop following every log, reading what each has left first. */
  finishAll() {
    for (const target of this.logs.keys()) this.finish(target);
  }
  read(target) {
    const t = this.logs.get(target);
    if (t.closed) return;
    if (t.fd === void 0) {
      const fd = this.open(t);
      if (fd === void 0) return;
      t.fd = fd;
      this.events.opened(target);
    }
    const size = fstatSync3(t.fd).size;
    if (size <= t.offset) return;
    const buf = Buffer.alloc(Math.min(MAX_BYTES_PER_POLL, size - t.offset));
    const n = readSync3(t.fd, buf, 0, buf.length, t.offset);
    t.offset += n;
    const lines = t.splitter.push(buf.subarray(0, n));
    if (lines.length > 0) this.events.lines(target, lines);
  }
  /** The log's fd, or undefined when it is not there yet; a log that is anything but a regular file of the folder is refused for good. */
  open(t) {
    const parts = t.rel.split("/");
    for (let i = 1; i < parts.length; i++) {
      const st = lstatSync6(join13(this.dir, ...parts.slice(0, i)), { throwIfNoEntry: false });
      if (!st) return void 0;
      if (!st.isDirectory()) return this.refuse(t);
    }
    let fd;
    try {
      fd = openSync3(join13(this.dir, t.rel), constants3.O_RDONLY | constants3.O_NOFOLLOW | constants3.O_NONBLOCK);
    } catch (e) {
      if (e.code === "ENOENT") return void 0;
      return this.refuse(t);
    }
    if (!fstatSync3(fd).isFile() || !this.isOwnPath(fd, t.rel)) {
      closeSync3(fd);
      return this.refuse(t);
    }
    return fd;
  }
  isOwnPath(fd, rel) {
    const link = `/proc/self/fd/${fd}`;
    if (!existsSync2("/proc/self/fd")) return true;
    return readlinkSync2(link) === join13(this.realDir, rel);
  }
  refuse(t) {
    t.closed = true;
    return void 0;
  }
  close(t) {
    if (t.fd !== void 0) closeSync3(t.fd);
    t.fd = void 0;
    t.closed = true;
  }
};

// src/report/progress.ts
var TARGET_DONE = /^kernelbuilder: (\S+) (pass|fail|timeout) \(stage (\w+), exit (\d+)\) in (\d+)s$/;
function finishedTarget(line) {
  return TARGET_DONE.exec(line)?.[1];
}
var CALIBRATE_AFTER = 0.1;
var PACE_BOUNDS = [0.1, 10];
var MAX_RUNNING_FRACTION = 0.99;
var PASSED_GUESS_GROWTH = 1.25;
var MAX_NAMED_RUNNING = 6;
function secondsLeft(work, cores, busySeconds) {
  const total2 = work.reduce((sum, w) => sum + w.cpuSeconds, 0);
  const done = work.reduce((sum, w) => sum + w.cpuSeconds * w.fraction, 0);
  let pace = 1;
  if (total2 > 0 && done >= CALIBRATE_AFTER * total2 && busySeconds > 0) {
    pace = Math.min(PACE_BOUNDS[1], Math.max(PACE_BOUNDS[0], done / (busySeconds * cores)));
  }
  return (total2 - done) / (cores * pace);
}
var BuildProgress = class {
  constructor(expected, cores, startedAt) {
    this.cores = cores;
    this.startedAt = startedAt;
    for (const [target, work] of Object.entries(expected)) this.targets.set(target, { expected: work, state: "waiting", objects: 0 });
  }
  cores;
  startedAt;
  targets = /* @__PURE__ */ new Map();
  firstStart;
  /** A target's build began (its log appeared). */
  start(target, at) {
    const t = this.targets.get(target);
    if (t?.state !== "waiting") return;
    t.state = "running";
    this.firstStart ??= at;
  }
  /** A target compiled one more object. */
  compiled(target, at) {
    this.start(target, at);
    const t = this.targets.get(target);
    if (t?.state === "running") t.objects++;
  }
  /** A target finished, however it ended. */
  finish(target, at) {
    this.start(target, at);
    const t = this.targets.get(target);
    if (t) t.state = "done";
  }
  snapshot(at) {
    const all = [...this.targets];
    const done = all.filter(([, t]) => t.state === "done").length;
    const running = all.filter(([, t]) => t.state === "running").map(([target, t]) => ({ target, objects: t.objects, expected: expectedObjects(t), counted: t.expected.objectsCounted }));
    const snapshot = {
      elapsedSeconds: Math.max(0, (at - this.startedAt) / 1e3),
      total: all.length,
      done,
      running,
      waiting: all.length - done - running.length
    };
    if (done === all.length) return snapshot;
    const work = all.map(([, t]) => ({ cpuSeconds: t.expected.cpuSeconds, fraction: fractionDone(t) }));
    const busySeconds = this.firstStart === void 0 ? 0 : (at - this.firstStart) / 1e3;
    return { ...snapshot, etaSeconds: secondsLeft(work, this.cores, busySeconds) };
  }
};
function expectedObjects(t) {
  const { objects, objectsCounted } = t.expected;
  if (objectsCounted || t.objects < objects) return objects;
  return Math.round(t.objects * PASSED_GUESS_GROWTH);
}
function fractionDone(t) {
  if (t.state === "done") return 1;
  const expected = expectedObjects(t);
  if (t.state === "waiting" || expected <= 0) return 0;
  return Math.min(MAX_RUNNING_FRACTION, t.objects / expected);
}
function formatProgress(s) {
  const head2 = `progress ${formatDuration2(s.elapsedSeconds)}: ${s.done}/${s.total} done, ${s.running.length} running, ${s.waiting} waiting`;
  if (s.etaSeconds === void 0) return `${head2}; all done`;
  const named = s.running.slice(0, MAX_NAMED_RUNNING).map((r, i) => `${r.target} ${r.objects}/${r.counted ? "" : "~"}${r.expected}${i === 0 ? " objects" : ""}`);
  if (s.running.length > MAX_NAMED_RUNNING) named.push(`${s.running.length - MAX_NAMED_RUNNING} more`);
  return `${head2}${named.length > 0 ? `; ${named.join(", ")}` : ""}; ETA ~${formatDuration2(s.etaSeconds)}`;
}
function formatDuration2(seconds2) {
  return seconds2 < 90 ? `${Math.round(seconds2)} s` : `${Math.round(seconds2 / 60)} min`;
}

// src/report/live-progress.ts
var POLL_MS = 2e3;
var PROGRESS_MS = 3e4;
var realClock = {
  now: Date.now,
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  }
};
function startLiveProgress(plan, log, opts = {}) {
  const clock = opts.clock ?? realClock;
  const startedAt = clock.now();
  const cores = Math.max(1, Math.min(plan.jobs, plan.limits.cpus ?? opts.cores ?? availableParallelism2()));
  const model = new BuildProgress(expectedWork(plan.costs), cores, startedAt);
  const parsers = new Map(plan.targets.map((t) => [targetName(t), new LogParser({ target: targetName(t) })]));
  const reported = /* @__PURE__ */ new Set();
  const firstError = (target, found2) => {
    const error2 = found2.find((d) => d.severity === "error");
    if (!error2 || reported.has(target)) return;
    reported.add(target);
    log.buildOutput(`first error in ${target} after ${formatDuration2((clock.now() - startedAt) / 1e3)}: ${formatDiagnosticLine(error2)}`);
  };
  const tail = new LogTail(plan.logsDir, Object.fromEntries(plan.targets.map((t) => [targetName(t), targetPaths(t.arch, t.config).log])), {
    opened: (target) => model.start(target, clock.now()),
    lines(target, lines) {
      const parser = parsers.get(target);
      for (const line of lines) {
        if (isCompileStep(line)) model.compiled(target, clock.now());
        firstError(target, parser.push(line));
      }
      const reading = parser.peek();
      if (reading && reading.kind !== "linker") firstError(target, [reading]);
    }
  });
  const finish = (target) => {
    tail.finish(target);
    const parser = parsers.get(target);
    if (parser) firstError(target, parser.end());
    parsers.delete(target);
    model.finish(target, clock.now());
  };
  const print = () => log.progress(formatProgress(model.snapshot(clock.now())));
  const stopPolling = clock.every(opts.pollMs ?? POLL_MS, () => tail.poll());
  const stopPrinting = clock.every(opts.progressMs ?? PROGRESS_MS, print);
  return {
    driverLine(line) {
      const target = finishedTarget(line);
      if (target === void 0 || !parsers.has(target)) return;
      finish(target);
      print();
    },
    stop() {
      stopPolling();
      stopPrinting();
      tail.finishAll();
      for (const target of [...parsers.keys()]) firstError(target, parsers.get(target).end());
    }
  };
}

// src/container/readable.ts
import { statSync as statSync5 } from "node:fs";
import { join as join14 } from "node:path";
function readableBy(mode, ownerUid, ownerGid, uid, gid, isDirectory2 = true) {
  const bits = ownerUid === uid ? mode >> 6 & 7 : ownerGid === gid ? mode >> 3 & 7 : mode & 7;
  const needed = isDirectory2 ? 5 : 4;
  return (bits & needed) === needed;
}
function checkSourceReadable(source, mounts, uid, gid) {
  for (const path of [source, join14(source, ".git"), ...mounts.map((m) => m.host)]) {
    const st = statSync5(path, { throwIfNoEntry: false });
    if (st && !readableBy(st.mode, st.uid, st.gid, uid, gid, st.isDirectory())) {
      throw new InputError(
        Input.source,
        source,
        `the build runs as uid ${uid}, which cannot read ${path} (mode ${(st.mode & 511).toString(8)}, owner ${st.uid}): make it readable (chmod o+rx) or run the runner as the user that owns it`
      );
    }
  }
}

// src/diagnostics/with-regressions.ts
import { statSync as statSync6 } from "node:fs";
import { dirname as dirname2, join as join15 } from "node:path";

// src/diagnostics/regressions.ts
function compareWithBaseline(current, baseline, baselinePath, growingOf = () => void 0) {
  const real = (issues) => (issues ?? []).filter((i) => !i.noise);
  const before = new Set(real(baseline.issues).map((i) => i.signature));
  const now = new Set(real(current.issues).map((i) => i.signature));
  const statusBefore = new Map(baseline.targets.map((t) => [t.target, t.status]));
  const both = current.targets.filter((t) => statusBefore.has(t.target));
  const before_ = new Map(baseline.targets.map((t) => [t.target, t]));
  const bootPassed = (t) => t?.boot?.status === "pass";
  const booted = both.filter((t) => before_.get(t.target)?.boot && t.boot);
  return {
    baseline: { buildId: baseline.buildId, sha: baseline.sha, results: baselinePath },
    newIssues: real(current.issues).filter((i) => !before.has(i.signature)).map((i) => i.signature),
    fixedIssues: real(baseline.issues).filter((i) => !now.has(i.signature)),
    newlyFailing: both.filter((t) => t.status !== "pass" && statusBefore.get(t.target) === "pass").map((t) => t.target),
    newlyPassing: both.filter((t) => t.status === "pass" && statusBefore.get(t.target) !== "pass").map((t) => t.target),
    newlyFailingBoots: both.filter((t) => bootPassed(before_.get(t.target)) && (t.boot?.status === "fail" || t.status !== "pass")).map((t) => t.target),
    newlyPassingBoots: booted.filter((t) => bootPassed(t) && before_.get(t.target)?.boot?.status === "fail").map((t) => t.target),
    sizes: both.flatMap((t) => {
      const was = before_.get(t.target)?.sizes;
      if (!was || !t.sizes) return [];
      const growing = growingOf(t.target);
      return [{ target: t.target, before: was, after: t.sizes, delta: total(t.sizes) - total(was), imageDelta: t.sizes.imageBytes - was.imageBytes, ...growing ? { growing } : {} }];
    })
  };
}
function total(s) {
  return s.text + s.data + s.bss;
}

// src/diagnostics/symbol-sizes.ts
function symbolSizes(systemMap) {
  const symbols = [];
  const boundaries = [];
  for (const line of systemMap.split("\n")) {
    const m = /^([0-9a-fA-F]{1,16}) ([A-Za-z]) (\S+)$/.exec(line);
    if (!m) continue;
    const address = BigInt(`0x${m[1]}`);
    boundaries.push(address);
    if (/^[tTdDrRbB]$/.test(m[2])) symbols.push({ address, name: m[3] });
  }
  const sorted = [...new Set(boundaries)].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const next = /* @__PURE__ */ new Map();
  for (let i = 0; i + 1 < sorted.length; i++) next.set(sorted[i], sorted[i + 1]);
  const sizes = /* @__PURE__ */ new Map();
  for (const s of symbols) {
    const end = next.get(s.address);
    if (end === void 0) continue;
    const size = Number(end - s.address);
    if (size > 16 * 2 ** 20) continue;
    sizes.set(s.name, (sizes.get(s.name) ?? 0) + size);
  }
  return sizes;
}
function growingSymbols(before, after, top = 10) {
  const changes = [];
  for (const [name, size] of after) {
    const was = before.get(name) ?? 0;
    if (size > was) changes.push({ name, before: was, after: size, delta: size - was });
  }
  return changes.sort((a, b) => b.delta - a.delta || a.name.localeCompare(b.name)).slice(0, top);
}

// src/diagnostics/with-regressions.ts
function withRegressions(results, baseline, logsDir) {
  if (isDirectory(baseline) && !isFile(join15(baseline, RESULTS_FILE))) {
    const found2 = findBaseline(baseline, results);
    return found2 ? { ...results, regressions: compareWithBaseline(results, found2.results, found2.path, growingSymbolsOf(results, logsDir, found2)) } : results;
  }
  const path = isDirectory(baseline) ? join15(baseline, RESULTS_FILE) : baseline;
  const base = readResults(path);
  if (!base) throw new KernelbuilderError(`input 'baseline': ${path} is not a kernelbuilder results.json`);
  return { ...results, regressions: compareWithBaseline(results, base, path, growingSymbolsOf(results, logsDir, { results: base, path })) };
}
var MAX_SYSTEM_MAP = 256 * 2 ** 20;
function growingSymbolsOf(results, logsDir, baseline) {
  const baseDir = dirname2(baseline.path);
  const keptBefore = new Map(baseline.results.targets.map((t) => [t.target, t.kept]));
  return (target) => {
    const now = results.targets.find((t) => t.target === target)?.kept;
    const before = keptBefore.get(target);
    if (!now?.files.includes("System.map") || !before?.files.includes("System.map")) return void 0;
    const after = readInsideOrNothing(logsDir, `${now.dir}/System.map`, MAX_SYSTEM_MAP);
    const was = readInsideOrNothing(baseDir, `${targetPaths(...archConfig(target)).kept}/System.map`, MAX_SYSTEM_MAP);
    if (after === void 0 || was === void 0) return void 0;
    return growingSymbols(symbolSizes(was), symbolSizes(after));
  };
}
function archConfig(target) {
  const slash = target.indexOf("/");
  return [target.slice(0, slash), target.slice(slash + 1)];
}
function isDirectory(path) {
  return statSync6(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
function isFile(path) {
  return statSync6(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

// src/report/report-build.ts
async function reportBuild(collected, dirs, opts, log) {
  let results = collected;
  try {
    results = await analyseLogs(results, dirs.logsDir, opts.noise);
  } catch (e) {
    log.warning(`could not read the targets' logs into diagnostics (${e.message}); the reports give each target's status without them`);
  }
  try {
    results = withRegressions(results, opts.baseline, dirs.logsDir);
  } catch (e) {
    log.warning(`could not compare with the baseline ${opts.baseline} (${e.message}); the reports say nothing of what changed`);
  }
  const reports = writeReports(results, dirs, { emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin, warn: (m) => log.warning(m) });
  return { results, reports };
}

// src/results/kept.ts
import { lstatSync as lstatSync7, readdirSync as readdirSync5 } from "node:fs";
import { join as join16 } from "node:path";
function parseSizes(text) {
  const m = /^(\d{1,15}) (\d{1,15}) (\d{1,15}) (\d{1,15}) (\d{1,9})\s*$/.exec(text);
  if (!m) return void 0;
  const [text_, data, bss, imageBytes, modules] = m.slice(1).map(Number);
  return { text: text_, data, bss, imageBytes, modules };
}
function readKept(logsDir, keptDir) {
  const dir = join16(logsDir, keptDir);
  let names2;
  try {
    names2 = readdirSync5(dir);
  } catch {
    return { files: [] };
  }
  const files = KEPT_FILES.filter((f) => names2.includes(f) && lstatSync7(join16(dir, f)).isFile());
  const sizesText = names2.includes(SIZES_FILE) ? readInsideOrNothing(logsDir, `${keptDir}/${SIZES_FILE}`, 256) : void 0;
  const sizes = sizesText === void 0 ? void 0 : parseSizes(sizesText);
  return { files, ...sizes ? { sizes } : {} };
}
function withKept(results, logsDir) {
  const targets = results.targets.map((t) => {
    if (t.status !== "pass") return t;
    const dir = targetPaths(t.arch, t.config).kept;
    const { files, sizes } = readKept(logsDir, dir);
    return { ...t, ...files.length > 0 ? { kept: { dir, files } } : {}, ...sizes ? { sizes } : {} };
  });
  return { ...results, targets };
}

// src/boot/boot-targets.ts
import { closeSync as closeSync4, constants as constants4, openSync as openSync4, writeSync as writeSync2 } from "node:fs";
import { join as join18 } from "node:path";

// src/boot/boot-image.ts
var DEFAULT_BOOT_IMAGE = "kernelbuilder/qemu";
function bootImageFromInspect(name, inspect) {
  const labels = inspect.Config?.Labels ?? {};
  if (labels[ImageLabel.role] !== "boot") {
    throw new DockerError(
      `image ${name} is not a boot image: it lacks the label ${ImageLabel.role}=boot that images/qemu carries; build that one with 'kernelbuilder images build --only ${DEFAULT_BOOT_IMAGE}'`
    );
  }
  return { name, id: inspect.Id, boots: (labels[ImageLabel.boots] ?? "").split(/\s+/).filter(Boolean) };
}
async function inspectBootImage(docker, name = DEFAULT_BOOT_IMAGE) {
  let inspect;
  try {
    inspect = await docker.getImage(name).inspect();
  } catch (e) {
    if (e.statusCode !== 404) throw new DockerError(`could not inspect boot image ${name}: ${e.message}`);
  }
  if (!inspect || !isNamed(inspect, name)) {
    throw new DockerError(`boot image ${name} is not present on this Docker engine; build it with 'kernelbuilder images build --only ${DEFAULT_BOOT_IMAGE}'`);
  }
  return bootImageFromInspect(name, inspect);
}
function bootImageLacks(image, machine) {
  if (image.boots.includes(machine.name)) return void 0;
  return `boot image ${image.name} cannot boot ${machine.name}: it boots ${image.boots.join(" ") || "nothing"} (label ${ImageLabel.boots})`;
}

// src/boot/boot-spec.ts
import { posix as posix3 } from "node:path";

// src/boot/machines.json
var machines_default = {
  needs: [
    { option: "CONFIG_BLK_DEV_INITRD", why: "the init comes in an initramfs" },
    { option: "CONFIG_BINFMT_ELF", why: "the init is an ELF program" },
    { option: "CONFIG_PRINTK", why: "the kernel must print to be read" },
    { option: "CONFIG_TTY", why: "the init prints its sentinel on /dev/console" }
  ],
  machines: [
    {
      name: "x86_64",
      arch: "x86",
      when: ["CONFIG_64BIT=y"],
      needs: [{ option: "CONFIG_SERIAL_8250_CONSOLE", why: "the console is the 8250 UART ttyS0" }],
      qemu: "qemu-system-x86_64",
      machine: "q35",
      cpu: "max",
      memoryMiB: 512,
      smp: 1,
      console: "ttyS0",
      append: ["earlycon=uart8250,io,0x3f8"],
      args: [],
      image: "bzImage"
    },
    {
      name: "i386",
      arch: "x86",
      when: ["CONFIG_64BIT=n"],
      needs: [{ option: "CONFIG_SERIAL_8250_CONSOLE", why: "the console is the 8250 UART ttyS0" }],
      qemu: "qemu-system-i386",
      machine: "q35",
      cpu: "max",
      memoryMiB: 512,
      smp: 1,
      console: "ttyS0",
      append: ["earlycon=uart8250,io,0x3f8"],
      args: [],
      image: "bzImage"
    },
    {
      name: "arm64",
      arch: "arm64",
      when: [],
      needs: [{ option: "CONFIG_SERIAL_AMBA_PL011_CONSOLE", why: "the console is the PL011 UART ttyAMA0" }],
      qemu: "qemu-system-aarch64",
      machine: "virt,gic-version=3",
      cpu: "max,pauth-impdef=on",
      memoryMiB: 512,
      smp: 1,
      console: "ttyAMA0",
      append: ["earlycon"],
      args: [],
      image: "Image"
    },
    {
      name: "arm",
      arch: "arm",
      when: ["CONFIG_MMU=y", "CONFIG_ARCH_VIRT=y|CONFIG_ARCH_MULTI_V7=y"],
      needs: [{ option: "CONFIG_SERIAL_AMBA_PL011_CONSOLE", why: "the console is the PL011 UART ttyAMA0" }],
      qemu: "qemu-system-arm",
      machine: "virt",
      cpu: "cortex-a15",
      memoryMiB: 512,
      smp: 1,
      console: "ttyAMA0",
      append: ["earlycon"],
      args: [],
      image: "zImage"
    },
    {
      name: "riscv64",
      arch: "riscv",
      when: ["CONFIG_64BIT=y", "CONFIG_MMU=y"],
      needs: [
        { option: "CONFIG_SERIAL_8250_CONSOLE", why: "the console is the NS16550A UART ttyS0" },
        { option: "CONFIG_SIFIVE_PLIC", why: "the UART's interrupt comes through the PLIC: without it the UART never probes and the init has no console" }
      ],
      qemu: "qemu-system-riscv64",
      machine: "virt",
      cpu: "rv64",
      memoryMiB: 512,
      smp: 1,
      console: "ttyS0",
      append: ["earlycon"],
      args: ["-bios", "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"],
      image: "Image"
    }
  ]
};

// src/boot/machines.ts
var WORD = /^[A-Za-z0-9/-][A-Za-z0-9._,=/:+-]*$/;
var FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var OPTION2 = /^CONFIG_[A-Z0-9_]+$/;
var CONDITION = /^CONFIG_[A-Z0-9_]+=[A-Za-z0-9_"-]+$/;
function parseMachineTable(text, input) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(input, text, `it must be JSON: ${e.message}`);
  }
  if (!isObject2(data) || !Array.isArray(data.machines) || data.machines.length === 0) {
    throw new InputError(input, text, 'it must be a JSON object with a non-empty "machines" list and a "needs" list');
  }
  const needs = checkNeeds(data.needs, `${input} needs`);
  const machines = data.machines.map((m, i) => checkMachine(m, `${input} machines[${i}]`));
  const names2 = machines.map((m) => m.name);
  const repeated = names2.find((n, i) => names2.indexOf(n) !== i);
  if (repeated !== void 0) throw new InputError(`${input} machines`, repeated, "each machine name appears once");
  return { needs, machines };
}
function checkMachine(m, where2) {
  if (!isObject2(m)) throw new InputError(where2, JSON.stringify(m), "each machine must be an object {name, arch, when, needs, qemu, machine, cpu, ...}");
  const word = (key, re = WORD) => {
    const v = m[key];
    if (typeof v !== "string" || !re.test(v)) throw new InputError(`${where2}.${key}`, String(v), `it must be one plain word matching ${re}`);
    return v;
  };
  const words = (key, re) => {
    const v = m[key];
    if (!Array.isArray(v)) throw new InputError(`${where2}.${key}`, JSON.stringify(v), "it must be a list of strings");
    return v.map((w, i) => {
      if (typeof w !== "string" || !re.test(w)) throw new InputError(`${where2}.${key}[${i}]`, String(w), `it must match ${re}`);
      return w;
    });
  };
  const count = (key, min, max) => {
    const v = m[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      throw new InputError(`${where2}.${key}`, String(v), `it must be a whole number from ${min} to ${max}`);
    }
    return v;
  };
  const arch = word("arch");
  if (!KERNEL_ARCHES.includes(arch)) throw new InputError(`${where2}.arch`, arch, `it must be a kernel ARCH: ${KERNEL_ARCHES.join(" ")}`);
  const when = words("when", /^.+$/);
  when.forEach((c, i) => {
    if (!c.split("|").every((alt) => CONDITION.test(alt))) {
      throw new InputError(`${where2}.when[${i}]`, c, "it must be CONFIG_X=value, or alternatives joined by | (CONFIG_A=y|CONFIG_B=y)");
    }
  });
  const image = word("image", FILE_NAME);
  if (image === "." || image === "..") throw new InputError(`${where2}.image`, image, "it is a file name in the kept folder");
  return {
    name: word("name"),
    arch,
    when,
    needs: checkNeeds(m.needs, `${where2}.needs`),
    qemu: word("qemu", /^qemu-system-[a-z0-9_]+$/),
    machine: word("machine"),
    cpu: word("cpu"),
    memoryMiB: count("memoryMiB", 64, 65536),
    smp: count("smp", 1, 64),
    console: word("console", /^[A-Za-z][A-Za-z0-9]*$/),
    append: words("append", WORD),
    args: words("args", WORD),
    image
  };
}
function checkNeeds(needs, where2) {
  if (!Array.isArray(needs)) throw new InputError(where2, JSON.stringify(needs), "it must be a list of {option, why}");
  return needs.map((n, i) => {
    if (!isObject2(n) || typeof n.option !== "string" || !OPTION2.test(n.option) || typeof n.why !== "string" || n.why === "") {
      throw new InputError(`${where2}[${i}]`, JSON.stringify(n), 'each need is {"option": "CONFIG_X", "why": "what it is needed for"}');
    }
    return { option: n.option, why: n.why };
  });
}
var defaultMachineTable = parseMachineTable(JSON.stringify(machines_default), "src/boot/machines.json");
function chooseMachine(table, arch, dotConfig) {
  const rows = table.machines.filter((m) => m.arch === arch);
  if (rows.length === 0) {
    const arches = [...new Set(table.machines.map((m) => m.arch))].join(", ");
    return { skipped: `no QEMU machine boots arch ${arch} (the machine table has ${arches})` };
  }
  const machine = rows.find((m) => m.when.every((c) => conditionHolds(c, dotConfig)));
  if (!machine) {
    const unmet = rows.map((m) => `${m.name} needs ${m.when.filter((c) => !conditionHolds(c, dotConfig)).map(describeCondition).join(" and ")}`);
    return { skipped: `the ${arch} config fits no QEMU machine: ${unmet.join("; ")}` };
  }
  const missing = [...table.needs, ...machine.needs].filter((n) => unmetOptions([`${n.option}=y`], dotConfig).length > 0);
  if (missing.length > 0) {
    return { skipped: `the config cannot boot on ${machine.name}: ${missing.map((n) => `${n.option} is not =y (${n.why})`).join("; ")}; the boot fragment sets them` };
  }
  return { machine };
}
function kernelCommandLine(machine) {
  return [`console=${machine.console}`, "panic=-1", ...machine.append].join(" ");
}
function conditionHolds(condition, dotConfig) {
  return condition.split("|").some((alt) => unmetOptions([alt], dotConfig).length === 0);
}
function describeCondition(condition) {
  return condition.split("|").map((alt) => alt.endsWith("=n") ? `${alt.slice(0, -2)} not set` : alt).join(" or ");
}
function isObject2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/boot/boot-spec.ts
var BOOT_MOUNT = "/boot";
var INITRAMFS_FILE = "initramfs.cpio";
var BOOT_PIDS_LIMIT = 256;
var BOOT_TMPFS = "size=64m,mode=1777";
function qemuCommand(machine, kvm) {
  const accel = kvm ? "kvm" : machine.smp > 1 ? "tcg,thread=multi" : "tcg";
  return [
    machine.qemu,
    "-machine",
    machine.machine,
    // Under KVM the guest runs on the host's CPU; TCG-only CPU properties (pauth-impdef) do not apply.
    "-cpu",
    kvm ? "host" : machine.cpu,
    "-smp",
    String(machine.smp),
    "-m",
    `${machine.memoryMiB}M`,
    "-accel",
    accel,
    "-nodefaults",
    "-no-user-config",
    "-display",
    "none",
    "-serial",
    "stdio",
    "-no-reboot",
    ...machine.args,
    "-kernel",
    posix3.join(BOOT_MOUNT, machine.image),
    "-initrd",
    posix3.join(BOOT_MOUNT, INITRAMFS_FILE),
    "-append",
    kernelCommandLine(machine)
  ];
}
function bootSpec(req, ownerPid = process.pid) {
  return {
    Image: req.image.id,
    Cmd: qemuCommand(req.machine, req.kvm),
    // Nothing of the runner's environment: QEMU needs none.
    Env: [],
    User: req.user,
    Labels: { [CONTAINER_LABEL]: req.label, [OWNER_LABEL]: String(ownerPid) },
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      Mounts: [{ Type: "bind", Source: req.keptDir, Target: BOOT_MOUNT, ReadOnly: true }],
      Tmpfs: { "/tmp": BOOT_TMPFS },
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      PidsLimit: BOOT_PIDS_LIMIT,
      Init: true,
      ...req.kvm ? {
        Devices: [{ PathOnHost: "/dev/kvm", PathInContainer: "/dev/kvm", CgroupPermissions: "rwm" }],
        ...req.kvmGid !== void 0 ? { GroupAdd: [String(req.kvmGid)] } : {}
      } : {}
    }
  };
}
function bootReproducer(req) {
  const docker = [
    "docker",
    "run",
    "--rm",
    "--network",
    "none",
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges",
    "--read-only",
    "--tmpfs",
    `/tmp:${BOOT_TMPFS}`,
    "--pids-limit",
    String(BOOT_PIDS_LIMIT),
    "--init",
    ...req.user ? ["--user", req.user] : [],
    ...req.kvm ? ["--device", "/dev/kvm", ...req.kvmGid !== void 0 ? ["--group-add", String(req.kvmGid)] : []] : [],
    "--mount",
    `type=bind,src=${req.keptDir},dst=${BOOT_MOUNT},readonly`,
    req.image.name
  ];
  return [...docker, ...qemuCommand(req.machine, req.kvm)].map(shellQuote).join(" ");
}

// src/boot/run-boot.ts
import { existsSync as existsSync3 } from "node:fs";
import { join as join17 } from "node:path";
async function runBoot(docker, req, opts) {
  if (!Number.isFinite(opts.timeoutSeconds) || opts.timeoutSeconds <= 0) {
    throw new KernelbuilderError(`boot timeout ${opts.timeoutSeconds}: it must be a positive number of seconds`);
  }
  const missing = [req.machine.image, INITRAMFS_FILE].filter((f) => !existsSync3(join17(req.keptDir, f)));
  if (missing.length > 0) {
    throw new KernelbuilderError(`cannot boot ${req.machine.name} from ${req.keptDir}: it has no ${missing.join(" and no ")}`);
  }
  const started = Date.now();
  const stop = new AbortController();
  let timedOut = false;
  let cancelled = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, opts.timeoutSeconds * 1e3);
  const cancel = () => {
    if (!timedOut) cancelled = true;
    stop.abort();
  };
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener("abort", cancel, { once: true });
  try {
    const { exitCode } = await runContainer(docker, bootSpec(req), opts.onLine, stop.signal);
    return { exitCode, timedOut, cancelled, durationSeconds: Math.round(Date.now() - started) / 1e3 };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", cancel);
  }
}

// src/boot/boot-targets.ts
var CONSOLE_LIMIT = 16 * 2 ** 20;
async function bootTargets2(results, plan, logsDir, deps) {
  if (!plan.boot) return results;
  const chosen = new Set(plan.boot.targets);
  const targets = [];
  for (const t of results.targets) {
    if (!chosen.has(t.target)) targets.push(t);
    else targets.push({ ...t, boot: await bootOne(t, plan, logsDir, deps) });
  }
  return { ...results, targets };
}
async function bootOne(t, plan, logsDir, deps) {
  const skip = (message) => {
    deps.log.info(`boot ${t.target}: skipped: ${message}`);
    return { status: "skipped", message };
  };
  if (t.status !== "pass") return skip("the build did not pass");
  if (deps.signal?.aborted) return skip("the run was cancelled");
  const paths = targetPaths(t.arch, t.config);
  const dotConfig = readInsideOrNothing(logsDir, `${paths.kept}/config`, 4 * 2 ** 20);
  if (dotConfig === void 0) return skip("the build kept no .config");
  const choice = chooseMachine(defaultMachineTable, t.arch, dotConfig);
  if ("skipped" in choice) return skip(choice.skipped);
  const { machine } = choice;
  const lacks = bootImageLacks(deps.image, machine);
  if (lacks) return skip(lacks);
  const kept = t.kept?.files ?? [];
  if (!kept.includes(machine.image)) return skip(`the build kept no ${machine.image}`);
  if (!kept.includes(INITRAMFS_FILE)) return skip(`no boot init was made (see the end of ${t.log})`);
  deps.log.info(`boot ${t.target}: ${describeMachine(machine)}, timeout ${plan.boot.timeoutSeconds} s`);
  const request = { keptDir: join18(logsDir, paths.kept), machine, image: deps.image, user: deps.user, kvm: plan.boot.kvm, kvmGid: deps.kvmGid, label: `${plan.tree}/${plan.ref.buildId}/boot` };
  const booted = { machine: describeMachine(machine), console: paths.console, reproducer: bootReproducer(request) };
  const console2 = new ConsoleFile(join18(logsDir, paths.console), CONSOLE_LIMIT);
  try {
    const run = await runBoot(deps.docker, request, { timeoutSeconds: plan.boot.timeoutSeconds, onLine: (_stream, line) => console2.write(line), signal: deps.signal });
    if (run.cancelled) return { status: "skipped", message: "the run was cancelled during the boot", ...booted };
    return { status: "fail", reason: "console not read", ...booted, durationSeconds: run.durationSeconds, exitCode: run.exitCode, timedOut: run.timedOut };
  } finally {
    console2.close();
  }
}
function describeMachine(machine) {
  return `${machine.qemu} -M ${machine.machine}`;
}
var ConsoleFile = class {
  constructor(path, limit) {
    this.limit = limit;
    this.fd = openSync4(path, constants4.O_WRONLY | constants4.O_CREAT | constants4.O_TRUNC | constants4.O_NOFOLLOW, 420);
  }
  limit;
  fd;
  written = 0;
  cut = false;
  write(line) {
    if (this.cut) return;
    const bytes = Buffer.from(`${line}
`);
    if (this.written + bytes.length > this.limit) {
      this.cut = true;
      writeSync2(this.fd, `kernelbuilder: the console was cut here, past ${this.limit} bytes
`);
      return;
    }
    writeSync2(this.fd, bytes);
    this.written += bytes.length;
  }
  close() {
    closeSync4(this.fd);
  }
};

// src/boot/kvm.ts
import { statSync as statSync7 } from "node:fs";
var KVM_DEVICE = "/dev/kvm";
function kvmDeviceGroup(path = KVM_DEVICE, stat = statSync7) {
  let st;
  try {
    st = stat(path);
  } catch (e) {
    throw new DockerError(`KVM was asked for, but ${path} cannot be used: ${e.code ?? e.message}; boot with TCG instead (no kvm)`);
  }
  if (!st.isCharacterDevice()) throw new DockerError(`KVM was asked for, but ${path} is not a character device`);
  if ((st.mode & 48) !== 48) {
    const mode = (st.mode & 511).toString(8).padStart(4, "0");
    throw new DockerError(
      `KVM was asked for, but ${path} is mode ${mode} (uid ${st.uid}, gid ${st.gid}): boots run as a non-root user and need its group to read and write it (e.g. chgrp kvm ${path} && chmod 0660 ${path}, as Debian's udev rule does); or boot with TCG`
    );
  }
  return st.gid;
}

// src/logs-dir.ts
import { chownSync, lchownSync, lstatSync as lstatSync8, mkdirSync as mkdirSync2, readdirSync as readdirSync6, rmSync } from "node:fs";
import { join as join19, relative as relative2 } from "node:path";
function prepareLogsDir(dir, targets) {
  mkdirSync2(dir, { recursive: true });
  for (const t of targets) {
    for (const file of Object.values(targetPaths(t.arch, t.config))) rmSync(join19(dir, file), { force: true, recursive: true });
  }
  for (const file of BUILD_FILES) rmSync(join19(dir, file), { force: true });
}
function chownTree(dir, uid, gid) {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync6(dir)) {
    const path = join19(dir, entry);
    if (lstatSync8(path).isDirectory()) chownTree(path, uid, gid);
    else lchownSync(path, uid, gid);
  }
}
function removeUnsafeEntries(dir, root = dir) {
  const removed = [];
  for (const entry of readdirSync6(dir)) {
    const path = join19(dir, entry);
    const stats = lstatSync8(path);
    if (stats.isDirectory()) removed.push(...removeUnsafeEntries(path, root));
    else if (!stats.isFile()) {
      rmSync(path, { force: true });
      removed.push(relative2(root, path));
    }
  }
  return removed;
}

// src/engine.ts
var DRIVER_TAIL_LINES = 15;
var MEMORY_PEAK_LIMIT = 64;
async function checkPlan(inputs, deps) {
  const plan = await makePlan(inputs, deps.git, loadProjectFragments(deps.driverDir));
  checkPlanOnHost(plan, deps);
  return checkPlanOnEngine(plan, deps);
}
function checkPlanOnHost(plan, deps) {
  const [uid, gid] = buildUser(deps.uid, deps.gid).split(":").map(Number);
  checkSourceReadable(plan.source, plan.sourceMounts, uid, gid);
}
async function checkPlanOnEngine(plan, deps) {
  const image = await inspectImage(deps.docker, plan.image.image);
  checkImageArches(image, [...new Set(plan.targets.map((t) => t.arch))]);
  await checkImageUserland(deps.docker, image);
  await checkEngineCpus(deps.docker, plan.limits.cpus);
  const boot = plan.boot ? { image: await inspectBootImage(deps.docker), ...plan.boot.kvm ? { kvmGid: kvmDeviceGroup() } : {} } : void 0;
  return { plan, image, container: containerSpec(plan, image, deps.driverDir, buildUser(deps.uid, deps.gid)), ...boot ? { boot } : {} };
}
async function checkEngineCpus(docker, cpus) {
  if (cpus === void 0) return;
  const { NCPU } = await docker.info();
  if (cpus > NCPU) throw new InputError(Input.cpus, String(cpus), `the Docker engine has ${NCPU} CPUs: cpus is at most ${NCPU}`);
}
function logPlan({ plan, image }, log) {
  log.group("plan");
  log.info(`ref ${plan.ref.ref} (${plan.ref.kind}) is ${plan.ref.sha}, build id ${plan.ref.buildId}, Linux ${plan.version.text}`);
  log.info(`image ${image.name} (${image.toolchain}, ${image.digest}): ${plan.image.reason}`);
  for (const d of plan.dropped) log.info(`not building ${d.arch}${d.config ? `/${d.config}` : ""}: ${d.reason}`);
  log.info(`targets: ${plan.targets.map(targetName).join(" ")}; -j${plan.jobs}; logs in ${plan.logsDir}`);
  log.info(spacePlanLine(plan));
}
function spacePlanLine(plan) {
  const predicted = plan.targets.map((t) => {
    const cost = plan.costs[targetName(t)];
    return cost ? `${targetName(t)} ${mebibytes(cost.objdirBytes)} (${cost.measured.objdirBytes ? "measured" : "its class"})` : `${targetName(t)} unknown`;
  });
  return `space on /build: targets start while their predicted object dirs fit in ${mebibytes(plan.spaceLimitBytes)} (tmpfs-size ${plan.tmpfsSize} less the checkout's ${mebibytes(plan.checkoutBytes)} and a margin), else wait; predicted: ${predicted.join(", ")}`;
}
async function runBuild(checked, inputs, deps) {
  const { plan, image, container } = checked;
  const previous = readResults(join20(plan.logsDir, RESULTS_FILE));
  if (!inputs.force && previous && alreadyBuilt(previous, plan, image.id)) {
    deps.log.info(`already built: ${plan.logsDir} has complete results for ${plan.ref.sha} with image ${image.id}; set force to build again`);
    deps.log.endGroup();
    return { results: previous, reports: reportPaths(previous, reportDirs(inputs.logs, plan.logsDir)), skipped: true };
  }
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  prepareLogsDir(plan.logsDir, plan.targets);
  const [buildUid, buildGid] = String(container.User).split(":").map(Number);
  if (buildUid !== deps.uid) chownTree(plan.logsDir, buildUid, buildGid);
  prepareCcacheDir(plan, image, [buildUid, buildGid], deps.uid);
  for (const id of await removeLeftovers(deps.docker)) deps.log.info(`removed container ${id.slice(0, 12)} left by an earlier run`);
  const startedAt = now();
  const driverLog = createWriteStream(join20(plan.logsDir, DRIVER_LOG));
  const driverTail = new TailBuffer(DRIVER_TAIL_LINES);
  deps.log.group("build");
  deps.log.beginBuildOutput();
  const live = startLiveProgress(plan, deps.log);
  let exitCode = -1;
  let engineLost;
  let stoppedBy;
  const stop = new AbortController();
  const onCancel = () => {
    stoppedBy ??= "cancelled";
    stop.abort();
  };
  if (deps.signal?.aborted) onCancel();
  deps.signal?.addEventListener("abort", onCancel, { once: true });
  const stopWatching = watchLogsFolder(plan.logsDir, plan.limits.logs, (use) => {
    stoppedBy ??= "logs over limit";
    deps.log.warning(`stopping the build: its logs folder ${plan.logsDir} holds ${use.bytes} bytes in ${use.entries} entries, past the limit of ${plan.limits.logs} bytes (input logs-limit)`);
    stop.abort();
  });
  try {
    ({ exitCode } = await runContainer(
      deps.docker,
      container,
      (_stream, line) => {
        driverLog.write(`${line}
`);
        driverTail.push(line);
        deps.log.buildOutput(line);
        live.driverLine(line);
      },
      stop.signal
    ));
  } catch (e) {
    engineLost = e;
  } finally {
    stopWatching();
    deps.signal?.removeEventListener("abort", onCancel);
    live.stop();
    deps.log.endBuildOutput();
    await new Promise((resolve6) => driverLog.end(resolve6));
    for (const path of removeUnsafeEntries(plan.logsDir)) {
      deps.log.warning(`removed ${path} from the logs folder: the build left a link or special file there, which kernelbuilder never follows`);
    }
    if (buildUid !== deps.uid) chownTree(plan.logsDir, deps.uid, deps.gid);
  }
  const finishedAt = now();
  const statuses = new Map(plan.targets.map((t) => [targetName(t), readIfThere(join20(plan.logsDir, targetPaths(t.arch, t.config).status))]));
  const ccacheBefore = readIfThere(join20(plan.logsDir, CCACHE_STATS.before));
  const ccacheAfter = readIfThere(join20(plan.logsDir, CCACHE_STATS.after));
  const collected = collectResults({
    plan,
    image,
    statuses,
    startedAt,
    finishedAt,
    driverExitCode: exitCode,
    stoppedBy,
    ccache: ccacheBefore !== void 0 && ccacheAfter !== void 0 ? ccacheDelta(ccacheBefore, ccacheAfter) : void 0,
    toolchains: readIfThere(join20(plan.logsDir, TOOLCHAINS_FILE)),
    memoryPeak: readInsideOrNothing(plan.logsDir, MEMORY_PEAK_FILE, MEMORY_PEAK_LIMIT),
    driverTail: driverTail.toArray()
  });
  const built = withKept(collected, plan.logsDir);
  if (checked.boot) deps.log.group("boot");
  const booted = checked.boot ? await bootOrWarn(built, plan, checked.boot, String(container.User), deps) : built;
  deps.log.group("reports");
  const { results, reports } = await reportBuild(
    booted,
    reportDirs(inputs.logs, plan.logsDir),
    { noise: inputs.noise, baseline: inputs.baseline ?? treeDirOf(plan.logsDir), emailTo: inputs.emailTo, kcidbOrigin: inputs.kcidbOrigin },
    deps.log
  );
  deps.log.endGroup();
  if (engineLost) {
    throw new DockerError(`the Docker engine at ${dockerEndpoint()} failed mid-build (${engineLost.message}); the results so far are in ${reports.results}`);
  }
  return { results, reports, skipped: false };
}
function prepareCcacheDir(plan, image, [buildUid, buildGid], runnerUid) {
  if (!plan.ccache) return;
  const dir = ccacheDirFor(plan.ccache.dir, image);
  mkdirSync3(dir, { recursive: true });
  if (buildUid !== runnerUid) chownSync2(dir, buildUid, buildGid);
}
async function bootOrWarn(results, plan, boot, user, deps) {
  try {
    return await bootTargets2(results, plan, plan.logsDir, { docker: deps.docker, log: deps.log, ...boot, user, signal: deps.signal });
  } catch (e) {
    deps.log.warning(`the boots could not run (${e.message}); the results have no boot verdicts`);
    return results;
  }
}
function readIfThere(path) {
  try {
    return readFileSync4(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/report/echo-failures.ts
function echoFailures(results, log) {
  const failed = results.targets.filter((t) => t.status !== "pass");
  const failedBoots2 = results.targets.filter((t) => t.boot?.status === "fail");
  if (failed.length === 0 && failedBoots2.length === 0 && !results.error) return;
  log.beginBuildOutput();
  try {
    if (results.error) {
      log.buildOutput(`==> run error: ${results.error.message}; driver output ends:`);
      for (const line of results.error.lines) log.buildOutput(`    ${line}`);
    }
    for (const t of failed) {
      log.buildOutput(`==> ${t.target}: ${describeOutcome(t)}; log ${t.log}`);
      for (const line of t.excerpt?.lines ?? []) log.buildOutput(`    ${line}`);
    }
    for (const t of failedBoots2) log.buildOutput(`==> boot of ${t.target}: ${describeBoot(t.boot)}; console ${t.boot.console ?? ""}`);
  } finally {
    log.endBuildOutput();
  }
}

// src/fanout/matrix.ts
var MAX_JOBS = 256;
function buildMatrix(plans, shards) {
  if (plans.length > MAX_JOBS) {
    throw new InputError(Input.refs, `${plans.length} refs`, `a matrix holds ${MAX_JOBS} jobs: plan at most ${MAX_JOBS} refs at a time`);
  }
  if (plans.length * shards > MAX_JOBS) {
    throw new InputError(Input.shards, String(shards), `${plans.length} refs \xD7 ${shards} shards is more than the ${MAX_JOBS} jobs a matrix holds`);
  }
  const include = [];
  for (const plan of plans) {
    const estimates = new Map(Object.entries(plan.estimates));
    const parts = shardTargets(plan.targets, estimates, Math.min(shards, plan.targets.length));
    parts.forEach((part, i) => {
      include.push({
        // HEAD is this checkout's: a build job on another runner gets the commit it named here.
        ref: plan.ref.kind === "head" ? plan.ref.sha : plan.ref.ref,
        "build-id": plan.ref.buildId,
        shard: `${i + 1}/${parts.length}`,
        targets: part.map(targetName).join(" "),
        cost: Math.round(part.reduce((sum, t) => sum + (estimates.get(targetName(t)) ?? 0), 0))
      });
    });
  }
  return { include };
}

// src/fanout/plan-refs.ts
import { join as join21 } from "node:path";
async function planRefs(read, log, projectFragments, imageId = engineImageIds(log)) {
  const shards = parseShards(read(Input.shards));
  const refs = readRefs(read);
  if (refs.names.length > MAX_JOBS) {
    throw new InputError(refs.input, `${refs.names.length} refs`, `a matrix holds ${MAX_JOBS} jobs: plan at most ${MAX_JOBS} refs at a time`);
  }
  if (refs.names.length * shards > MAX_JOBS) {
    throw new InputError(Input.shards, String(shards), `${refs.names.length} refs \xD7 ${shards} shards is more than the ${MAX_JOBS} jobs a matrix holds`);
  }
  const inputs = getInputs((name) => name === Input.ref ? refs.names[0] : read(name));
  for (const w of inputs.warnings) log.warning(w);
  const git = gitIn(inputs.source);
  const plans = [];
  for (const ref of refs.names) {
    const plan = await makePlan({ ...inputs, ref }, git, projectFragments);
    const same = plans.find((p) => p.logsDir === plan.logsDir && p.ref.sha === plan.ref.sha);
    if (same) {
      log.info(`${ref}: the same build as ${same.ref.ref} (${plan.ref.sha}, ${plan.logsDir}); planned once`);
      continue;
    }
    if (!inputs.force && alreadyBuilt(readResults(join21(plan.logsDir, RESULTS_FILE)), plan, await imageId(plan.image.image))) {
      log.info(`${ref}: already built at ${plan.ref.sha} (${plan.logsDir}); not planned`);
      continue;
    }
    log.info(`${ref}: ${plan.ref.buildId} at ${plan.ref.sha}, ${plan.targets.length} targets, image ${plan.image.image}`);
    plans.push(plan);
  }
  return { plans, shards };
}
function readRefs(read) {
  const lines = splitList(read(Input.refs));
  if (lines.length > 0) return { input: Input.refs, names: [...new Set(lines.map((r) => checkRefSyntax(r, Input.refs)))] };
  const ref = read(Input.ref).trim();
  if (ref === "") throw new InputError(Input.refs, "", "plan mode needs refs (one a line) or ref");
  return { input: Input.ref, names: [checkRefSyntax(ref)] };
}
function engineImageIds(log) {
  let docker;
  return async (image) => {
    docker ??= connectDocker();
    try {
      return (await inspectImage(await docker, image)).id;
    } catch (e) {
      if (!(e instanceof KernelbuilderError)) throw e;
      log.info(`${e.message}; earlier builds with ${image} cannot be matched by image id, so its refs are planned`);
      return void 0;
    }
  };
}
function parseShards(text) {
  if (text.trim() === "") return 1;
  const n = /^[1-9][0-9]{0,2}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_JOBS)) throw new InputError(Input.shards, text, `shards is a whole number from 1 to ${MAX_JOBS}`);
  return n;
}

// src/results/check-results.ts
var RESULTS_LIMIT = 64 * 2 ** 20;
function readResultsDir(dir) {
  let data;
  try {
    data = JSON.parse(readInside(dir, RESULTS_FILE, RESULTS_LIMIT) ?? "null");
  } catch (e) {
    if (e instanceof KernelbuilderError) throw e;
    throw new KernelbuilderError(`${dir}: ${RESULTS_FILE} is not JSON`);
  }
  if (data === null) throw new KernelbuilderError(`${dir} holds no ${RESULTS_FILE} of a kernelbuilder build`);
  return checkResults(data, dir);
}
var BadField = class extends KernelbuilderError {
  constructor(dir, field, allowed) {
    super(`${dir}/${RESULTS_FILE}: field ${field} is not allowed; ${allowed}`);
  }
};
var SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
var IMAGE_ID = /^[A-Za-z0-9]+:[A-Za-z0-9]{1,128}$/;
var CROSS = /^[A-Za-z0-9._-]{0,100}$/;
var MAKE_VAR2 = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._/+-]*$/;
var STATUSES = ["pass", "fail", "error"];
var TEXT_LIMIT = 4096;
function checkResults(data, dir) {
  const bad = (field, allowed) => new BadField(dir, field, allowed);
  const r = data;
  if (!isObject3(data) || r.schema !== 1) throw bad("schema", "it is 1 in a results.json of kernelbuilder");
  if (!Array.isArray(r.targets)) throw bad("targets", "it is a list of targets");
  checkText(withoutDerived(r), "", bad);
  if (!Array.isArray(r.targetOrder)) throw bad("targetOrder", "it is a list of arch/config names");
  if (!Array.isArray(r.commits)) throw bad("commits", "it is a list of commits");
  if (!Array.isArray(r.dropped)) throw bad("dropped", "it is a list");
  if (!isObject3(r.image)) throw bad("image", "it describes the build image");
  if (typeof r.complete !== "boolean") throw bad("complete", "it is true or false");
  if (r.result !== "pass" && r.result !== "fail" && r.result !== "error") throw bad("result", "it is pass, fail or error");
  must(() => checkPathComponent("tree", String(r.tree)), bad("tree", "it is a name a folder can have (letters, digits, . _ + -)"));
  must(() => checkRefSyntax(String(r.buildId)), bad("buildId", "it is a git describe name or a sha"));
  must(() => checkRefSyntax(String(r.ref)), bad("ref", "it is a ref as the ref input takes it"));
  if (typeof r.sha !== "string" || !SHA.test(r.sha)) throw bad("sha", "it is a full commit sha");
  if (typeof r.image.id !== "string" || !IMAGE_ID.test(r.image.id)) throw bad("image.id", "it is an image id, algorithm:hex");
  if (typeof r.image.digest !== "string" || !(IMAGE_ID.test(r.image.digest) || isImageRef(r.image.digest))) throw bad("image.digest", "it is an image reference or id");
  if (typeof r.image.name !== "string" || !isImageRef(r.image.name)) throw bad("image.name", "it is an image reference");
  if (!isObject3(r.image.cross)) throw bad("image.cross", "it maps kernel arches to CROSS_COMPILE prefixes");
  for (const [arch, prefix] of Object.entries(r.image.cross)) {
    if (!KERNEL_ARCHES.includes(arch) || typeof prefix !== "string" || !CROSS.test(prefix)) throw bad(`image.cross.${arch.slice(0, 20)}`, "it maps a kernel arch to a CROSS_COMPILE prefix");
  }
  if (!Array.isArray(r.image.makeVars) || !r.image.makeVars.every((v) => typeof v === "string" && MAKE_VAR2.test(v))) throw bad("image.makeVars", "it lists NAME=value make variables of plain characters");
  if (r.makeVars !== void 0 && !(Array.isArray(r.makeVars) && r.makeVars.every((v) => typeof v === "string" && isAllowedMakeVar(v)))) {
    throw bad("makeVars", "it lists NAME=value make variables of the make-vars allow-list");
  }
  must(() => parseSize("tmpfsSize", String(r.tmpfsSize)), bad("tmpfsSize", "it is a size such as 60g"));
  for (const field of ["startedAt", "finishedAt"]) {
    if (typeof r[field] !== "string" || !Number.isFinite(Date.parse(r[field]))) throw bad(field, "it is an ISO date and time");
  }
  for (const field of ["durationSeconds", "driverExitCode"]) {
    if (!Number.isFinite(r[field])) throw bad(field, "it is a number");
  }
  if (r.peakMemoryBytes !== void 0 && !isCount(r.peakMemoryBytes)) throw bad("peakMemoryBytes", "it is a whole number of bytes");
  if (r.ccache !== void 0 && !(isObject3(r.ccache) && Number.isFinite(r.ccache.hits) && Number.isFinite(r.ccache.misses))) throw bad("ccache", "it counts hits and misses");
  r.targetOrder.forEach((name, i) => checkTargetName(name, `targetOrder[${i}]`, bad));
  return { ...r, targets: r.targets.map((t, i) => checkTarget(t, `targets[${i}]`, bad)) };
}
function checkTarget(t, field, bad) {
  if (!isObject3(t)) throw bad(field, "it is a target");
  if (!KERNEL_ARCHES.includes(t.arch)) throw bad(`${field}.arch`, `kernel arches are: ${KERNEL_ARCHES.join(" ")}`);
  must(() => parseConfigSpec("config", String(t.config)), bad(`${field}.config`, "it is a config request as the configs input takes it"));
  if (t.target !== `${t.arch}/${t.config}`) throw bad(`${field}.target`, "it is its arch/config");
  if (!STATUSES.includes(t.status)) throw bad(`${field}.status`, `it is one of ${STATUSES.join(" ")}`);
  for (const number of ["exitCode", "durationSeconds", "cpuSeconds", "objects"]) {
    if (t[number] !== void 0 && !Number.isFinite(t[number])) throw bad(`${field}.${number}`, "it is a number");
  }
  if (t.objdirBytes !== void 0 && !isCount(t.objdirBytes)) throw bad(`${field}.objdirBytes`, "it is a whole number of bytes");
  if (t.spaceWaitSeconds !== void 0 && !isCount(t.spaceWaitSeconds)) throw bad(`${field}.spaceWaitSeconds`, "it is a whole number of seconds");
  const paths = targetPaths(t.arch, t.config);
  if (t.log !== paths.log) throw bad(`${field}.log`, `it is ${paths.log}, where the logs layout puts the target's log`);
  if (t.dotConfig !== void 0 && t.dotConfig !== paths.dotConfig) throw bad(`${field}.dotConfig`, `it is ${paths.dotConfig}, where the logs layout puts the target's .config`);
  checkConfigSteps(t, field, bad);
  if (t.requires !== void 0 && !(Array.isArray(t.requires) && t.requires.every((o) => typeof o === "string" && /^CONFIG_[A-Z0-9_]+=/.test(o)))) {
    throw bad(`${field}.requires`, "it lists CONFIG_X=value options");
  }
  if (t.kept !== void 0 && !(isObject3(t.kept) && Array.isArray(t.kept.files) && t.kept.files.every((f) => KEPT_FILES.includes(f)))) {
    throw bad(`${field}.kept`, `it lists files of ${KEPT_FILES.join(" ")}`);
  }
  if (t.sizes !== void 0 && !(isObject3(t.sizes) && Object.values(t.sizes).every(Number.isFinite))) throw bad(`${field}.sizes`, "it holds numbers");
  const boot = t.boot === void 0 ? void 0 : checkBoot(t.boot, `${field}.boot`, paths.console, bad);
  return {
    ...t,
    log: paths.log,
    ...t.dotConfig === void 0 ? {} : { dotConfig: paths.dotConfig },
    ...t.kept === void 0 ? {} : { kept: { dir: paths.kept, files: t.kept.files } },
    ...boot ? { boot } : {}
  };
}
function checkConfigSteps(t, field, bad) {
  if (t.base !== void 0 && !(typeof t.base === "string" && isConfigName(t.base))) throw bad(`${field}.base`, `it is a base config: ${CONFIG_SYNTAX}`);
  const fragments = t.fragments ?? [];
  if (!Array.isArray(fragments)) throw bad(`${field}.fragments`, "it lists fragments: NAME.config or CONFIG_X=value");
  fragments.forEach((f, i) => must(() => parseFragment("fragments", String(f), typeof f === "string" ? f : ""), bad(`${field}.fragments[${i}]`, `it is a fragment: ${CONFIG_SYNTAX}`)));
  if (t.shippedFragments === void 0) return;
  if (!isObject3(t.shippedFragments)) throw bad(`${field}.shippedFragments`, "it maps fragment files to their lines");
  for (const [name, lines] of Object.entries(t.shippedFragments)) {
    if (!fragments.includes(name) || !name.endsWith(".config")) throw bad(`${field}.shippedFragments`, "its names are fragment files of the target");
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === "string" && FRAGMENT_LINE.test(l))) {
      throw bad(`${field}.shippedFragments.${name}`, "it lists the lines of a config fragment: blank, # comments or CONFIG_X=value");
    }
  }
}
var FRAGMENT_LINE = /^(?:\s*|#.*|CONFIG_[A-Za-z0-9_]+=.*)$/;
function checkBoot(boot, field, consolePath, bad) {
  if (!isObject3(boot) || !["pass", "fail", "skipped"].includes(boot.status)) throw bad(`${field}.status`, "it is pass, fail or skipped");
  if (boot.console !== void 0 && boot.console !== consolePath) throw bad(`${field}.console`, `it is ${consolePath}, where the logs layout puts the console`);
  for (const number of ["durationSeconds", "errors", "warnings", "line"]) {
    if (boot[number] !== void 0 && !Number.isFinite(boot[number])) throw bad(`${field}.${number}`, "it is a number");
  }
  const { reproducer: _dropped, ...kept } = boot;
  return kept;
}
function checkTargetName(name, field, bad) {
  const [arch, ...config] = String(name).split("/");
  if (typeof name !== "string" || !KERNEL_ARCHES.includes(arch)) throw bad(field, "it is an arch/config target name");
  must(() => parseConfigSpec("config", config.join("/")), bad(field, "it is an arch/config target name"));
}
function checkText(value, field, bad) {
  if (typeof value === "string") {
    if (/[\u0000-\u001f\u007f]/.test(value) || value.length > TEXT_LIMIT) throw bad(field || "(top)", `text is one line without control characters, at most ${TEXT_LIMIT} characters`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkText(v, `${field}[${i}]`, bad));
  } else if (isObject3(value)) {
    for (const [key, v] of Object.entries(value)) {
      const name = field ? `${field}.${key.slice(0, 40)}` : key.slice(0, 40);
      if (/[\u0000-\u001f\u007f]/.test(key)) throw bad(field || "(top)", "its keys are names without control characters");
      checkText(v, name, bad);
    }
  }
}
function withoutDerived(r) {
  const { counts: _c, issues: _i, ...kept } = r;
  return {
    ...kept,
    ...isObject3(r.regressions) ? { regressions: { ...r.regressions, fixedIssues: void 0 } } : {},
    targets: r.targets.map((t) => isObject3(t) ? { ...t, errors: void 0, warnings: void 0, excerpt: void 0 } : t)
  };
}
function isCount(value) {
  return Number.isSafeInteger(value) && value >= 0;
}
function isObject3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isAllowedMakeVar(v) {
  try {
    checkMakeVar("makeVars", v);
    return true;
  } catch {
    return false;
  }
}
function must(check, error2) {
  try {
    check();
  } catch {
    throw error2;
  }
}

// src/fanout/merge.ts
import { mkdirSync as mkdirSync4, readdirSync as readdirSync7 } from "node:fs";
import { join as join22, resolve as resolve4 } from "node:path";
var SHARD_FILE_LIMIT = 2 * 2 ** 30;
function findShards(dir) {
  const sets = /* @__PURE__ */ new Map();
  const walk = (d) => {
    for (const entry of readdirSync7(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join22(d, entry.name));
      else if (entry.name === RESULTS_FILE) {
        const results = readResultsDir(d);
        for (const t of results.targets) for (const file of targetFiles(t.arch, t.config)) checkInside(d, file, SHARD_FILE_LIMIT);
        const key = `${results.tree}/${results.buildId}@${results.sha}`;
        if (!sets.has(key)) sets.set(key, { key, shards: [] });
        sets.get(key).shards.push({ dir: d, results });
      }
    }
  };
  walk(dir);
  if (sets.size === 0) throw new KernelbuilderError(`no kernelbuilder results.json below ${dir}: download the shards' artifacts there first`);
  return [...sets.values()];
}
function mergeShards(set, outDir, onRemoved = () => void 0) {
  const first = set.shards[0].results;
  mkdirSync4(outDir, { recursive: true });
  removeUnsafeEntries(outDir).forEach(onRemoved);
  const byName = /* @__PURE__ */ new Map();
  for (const { dir, results } of set.shards) {
    if (results.image.id !== first.image.id) {
      throw new KernelbuilderError(`shards of ${set.key} were built by different images (${first.image.id}, ${results.image.id}): they cannot be one report`);
    }
    for (const t of results.targets) {
      if (byName.has(t.target)) throw new KernelbuilderError(`target ${t.target} of ${set.key} was built by two shards`);
      byName.set(t.target, stripAnalysis(t));
      for (const file of targetFiles(t.arch, t.config)) copyFromShard(dir, file, outDir);
    }
  }
  removeUnsafeEntries(outDir).forEach(onRemoved);
  const order = first.targetOrder;
  const targets = [...byName.values()].sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
  const missing = order.filter((name) => !byName.has(name));
  const startedAt = set.shards.map((s) => s.results.startedAt).sort()[0];
  const finishedAt = set.shards.map((s) => s.results.finishedAt).sort().at(-1);
  const ccache = set.shards.every((s) => s.results.ccache) ? set.shards.reduce((sum, s) => ({ hits: sum.hits + s.results.ccache.hits, misses: sum.misses + s.results.ccache.misses }), { hits: 0, misses: 0 }) : void 0;
  const errored = set.shards.find((s) => s.results.result === "error")?.results;
  const { shard: _shard, counts: _counts, issues: _issues, regressions: _regressions, error: _error, bisects: _bisects, ...common } = first;
  const bisects = set.shards.flatMap((s) => s.results.bisects ?? []);
  return {
    ...common,
    complete: missing.length === 0 && set.shards.every((s) => s.results.complete),
    result: errored ? "error" : missing.length === 0 && targets.every((t) => t.status === "pass") ? "pass" : "fail",
    ...errored?.error ? { error: { ...errored.error, message: `shard ${errored.shard ?? "?"}: ${errored.error.message}` } } : {},
    startedAt,
    finishedAt,
    durationSeconds: Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1e3),
    driverExitCode: Math.max(...set.shards.map((s) => s.results.driverExitCode)),
    ...ccache ? { ccache: { ...ccache, hitRate: ccache.hits + ccache.misses === 0 ? 0 : Math.round(ccache.hits / (ccache.hits + ccache.misses) * 1e3) / 1e3 } } : {},
    targets,
    ...bisects.length > 0 ? { bisects } : {}
  };
}
function mergedDir(logsRoot, results) {
  return buildDir(logsRoot, results.tree, results.buildId);
}
function stripAnalysis(t) {
  const { errors: _e, warnings: _w, excerpt: _x, ...rest } = t;
  return rest;
}
function copyFromShard(shardDir, file, outDir) {
  if (resolve4(shardDir, file) === resolve4(outDir, file)) return;
  mkdirSync4(join22(outDir, file, ".."), { recursive: true });
  copyInside(shardDir, file, join22(outDir, file), SHARD_FILE_LIMIT);
}

// src/fanout/report-shards.ts
async function reportShards(resultsDir, logsRoot, opts) {
  const out = [];
  for (const set of findShards(resultsDir)) {
    const dir = mergedDir(logsRoot, set.shards[0].results);
    const merged = mergeShards(set, dir, (path) => opts.log?.warning(`removed ${path} from the results folder: a link or special file there is never followed`));
    const analysed = withRegressions(await analyseLogs(merged, dir, opts.noise), treeDirOf(dir), dir);
    out.push({ results: analysed, reports: writeReports(analysed, reportDirs(logsRoot, dir), { emailTo: opts.emailTo, kcidbOrigin: opts.kcidbOrigin }) });
  }
  return out;
}

// src/fanout/report-inputs.ts
import { statSync as statSync8 } from "node:fs";
import { resolve as resolve5 } from "node:path";
function parseReportInputs(read) {
  const results = read(Input.results).trim();
  if (results === "" || !isFolder(results)) {
    throw new InputError(Input.results, results, "report mode needs results: the folder the shards' artifacts were downloaded to");
  }
  return { results: resolve5(results), logs: readLogs(read).path, noise: readNoise(read(Input.noise).trim() || void 0), emailTo: readEmailTo(read(Input.emailTo).trim() || void 0), kcidbOrigin: parseKcidbOrigin(read(Input.kcidbOrigin).trim() || DEFAULT_KCIDB_ORIGIN) };
}
function isFolder(path) {
  try {
    return statSync8(path).isDirectory();
  } catch {
    return false;
  }
}

// src/entry/signals.ts
function abortOnSignals() {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  return controller.signal;
}

// src/bisect/plan.ts
import { join as join23 } from "node:path";

// src/bisect/verdict.ts
function decideFromEnds(what, good, bad) {
  switch (what.kind) {
    case "build":
      if (good.build !== "pass") return { reason: "good end is bad", detail: "the good end fails to build too" };
      if (bad.build === "pass") return { reason: "bad end is good", detail: "the bad end builds" };
      return { sought: buildFailure(bad) };
    case "boot":
      if (good.boot !== "pass") return { reason: "good end is bad", detail: `the good end does not boot (boot ${good.boot ?? "not run"}, build ${good.build})` };
      if (bad.boot !== "fail") return { reason: "bad end is good", detail: `the bad end does not fail to boot (boot ${bad.boot ?? "not run"}, build ${bad.build})` };
      return { sought: { kind: "boot" } };
    case "signature": {
      const atGood = shows(good, what.signature);
      const atBad = shows(bad, what.signature);
      if (!atGood && !atBad) {
        const known = bad.issues.slice(0, 5).map((i) => JSON.stringify(i.signature)).join(", ");
        throw new InputError(BisectOption.what, what.signature, `neither end shows this signature; the bad end's signatures include: ${known || "none"}`);
      }
      if (atGood) return { reason: "good end is bad", detail: "the good end shows the signature too" };
      return { sought: { kind: "signature", signature: what.signature } };
    }
    case "auto": {
      if (bad.build === "fail" && good.build === "pass") return { sought: buildFailure(bad) };
      const before = new Set(good.issues.map((i) => i.signature));
      const added = bad.issues.find((i) => !before.has(i.signature));
      if (added) return { sought: { kind: "signature", signature: added.signature } };
      if (bad.boot === "fail" && good.boot === "pass") return { sought: { kind: "boot" } };
      return { reason: "nothing differs", detail: "the bad end shows no build failure, signature or boot failure the good end does not" };
    }
  }
}
function buildFailure(bad) {
  return bad.firstError ? { kind: "build", firstError: bad.firstError.signature } : { kind: "build" };
}
function shows(step, signature) {
  return step.issues.some((i) => i.signature === signature);
}
function verdictOf(sought, step) {
  if (step.build === "error" || step.fault) return "skip";
  switch (sought.kind) {
    case "build":
      if (step.build === "pass") return "good";
      return step.firstError?.signature === sought.firstError ? "bad" : "skip";
    case "signature":
      if (shows(step, sought.signature)) return "bad";
      return step.build === "pass" ? "good" : "skip";
    case "boot":
      if (step.build !== "pass") return "skip";
      return step.boot === "pass" ? "good" : step.boot === "fail" ? "bad" : "skip";
  }
}
function parseWhat(text) {
  const what = text.trim();
  if (what === "") return { kind: "auto" };
  if (what === "build" || what === "boot") return { kind: what };
  if (!/^[a-z-]+\|/.test(what) || what.length > 2e3 || /[\r\n]/.test(what)) {
    throw new InputError(BisectOption.what, what, `it is build, boot, or an issue signature as results.json names them (kind|file|message, e.g. "compiler|init/main.c|unused variable 'x'")`);
  }
  return { kind: "signature", signature: what };
}
function estimatedSteps(commits) {
  return commits <= 1 ? 0 : Math.ceil(Math.log2(commits));
}
function positionIn(sha, rangeOldestFirst) {
  const i = rangeOldestFirst.indexOf(sha);
  return i < 0 ? void 0 : { k: i + 1, n: rangeOldestFirst.length };
}

// src/bisect/plan.ts
function getBisectInputs(read) {
  const good = checkRefSyntax(requiredOption(read, BisectOption.good, "the last known good ref"), BisectOption.good);
  const bad = checkRefSyntax(requiredOption(read, BisectOption.bad, "the first known bad ref"), BisectOption.bad);
  const target = parseTarget(requiredOption(read, BisectOption.target, "ARCH/CONFIG, e.g. x86/tinyconfig"));
  const what = parseWhat(read(BisectOption.what));
  const name = `${target.arch}/${target.config}`;
  const build = getInputs((input) => {
    if (input === Input.ref) return bad;
    if (input === Input.arches) return target.arch;
    if (input === Input.configs) return target.config;
    if (input === Input.boot && what.kind === "boot" && read(input).trim() === "") return name;
    return read(input);
  });
  return { good, bad, target, what, build };
}
function bisectInputsOfBuild(build, tree, good, bad, target, what) {
  const slash = target.indexOf("/");
  const [arch, config] = [target.slice(0, slash), target.slice(slash + 1)];
  const boot = what.kind === "boot" && build.boot ? { ...build.boot, targets: [target] } : void 0;
  const { baseline: _baseline, shard: _shard, targets: _targets, bisect: _bisect, boot: _boot, ...common } = build;
  return { good, bad, target: { arch, config }, what, build: { ...common, ref: bad, tree, arches: [arch], configs: [config], ...boot ? { boot } : {} } };
}
function requiredOption(read, name, allowed) {
  const value = read(name).trim();
  if (value === "") throw new InputError(name, "", `it is required: ${allowed}`);
  return value;
}
function parseTarget(text) {
  const [arch, ...rest] = text.split("/");
  if (rest.length === 0 || !KERNEL_ARCHES.includes(arch)) {
    throw new InputError(BisectOption.target, text, `a target is ARCH/CONFIG with ARCH one of ${KERNEL_ARCHES.join(" ")}, e.g. x86/tinyconfig`);
  }
  const config = rest.join("/");
  parseConfigSpec(BisectOption.target, config);
  return { arch, config };
}
async function planBisect(inputs, git, fragments) {
  const build = await makePlan(inputs.build, git, fragments);
  const target = `${inputs.target.arch}/${inputs.target.config}`;
  const good = await resolveRef(git, inputs.good);
  const bad = build.ref;
  if (good.sha === bad.sha) throw new InputError(BisectOption.good, inputs.good, `good and bad are the same commit ${bad.sha}: there is nothing between them to bisect`);
  if (await tryGit(git, ["merge-base", "--is-ancestor", good.sha, bad.sha]) === void 0) {
    throw new InputError(BisectOption.good, inputs.good, `it must be an ancestor of bad (${inputs.bad}, ${bad.sha.slice(0, 12)}): ${good.sha.slice(0, 12)} is not`);
  }
  const commits = Number((await git.run(["rev-list", "--count", `${good.sha}..${bad.sha}`])).trim());
  const steps = estimatedSteps(commits);
  const dir = join23(inputs.build.logs, pathSafe(build.tree), bisectDirName(good.sha, bad.sha, inputs.target.arch, pathSafe(inputs.target.config)));
  return {
    source: build.source,
    tree: build.tree,
    good: { ref: inputs.good, sha: good.sha },
    bad: { ref: inputs.bad, sha: bad.sha },
    commits,
    estimatedSteps: steps,
    buildBudget: steps + 3,
    target,
    what: inputs.what,
    dir,
    build: { ...build, logsDir: dir }
  };
}
function bisectContainerSpec(build, image, driverDir, user, label) {
  const spec = containerSpec(build, image, driverDir, user);
  return {
    ...spec,
    Cmd: [`${DRIVER_MOUNT}/bisect.sh`, "serve"],
    Labels: { ...spec.Labels, [CONTAINER_LABEL]: label },
    AttachStdout: false,
    AttachStderr: false
  };
}

// src/bisect/check-plan.ts
async function checkBisectPlan(inputs, deps) {
  const planned = await planBisect(inputs, deps.git, loadProjectFragments(deps.driverDir));
  checkPlanOnHost(planned.build, deps);
  const { image, boot } = await checkPlanOnEngine(planned.build, deps);
  const label = `${planned.tree}/${bisectDirName(planned.good.sha, planned.bad.sha, inputs.target.arch, pathSafe(inputs.target.config))}`;
  const container = bisectContainerSpec(planned.build, image, deps.driverDir, buildUser(deps.uid, deps.gid), label);
  return { ...planned, image, ...boot ? { bootImage: boot.image } : {}, container };
}

// src/bisect/report.ts
import { writeFileSync as writeFileSync2 } from "node:fs";
import { join as join24 } from "node:path";
function describeSought(s) {
  if (s.kind === "build") return `the build failing${s.firstError ? ` with ${s.firstError}` : ""}`;
  if (s.kind === "boot") return "the boot failing";
  return `signature ${s.signature}`;
}
function stepLine(step, estimatedSteps2) {
  const place = /^\d+$/.test(step.label) ? `${step.label}/~${estimatedSteps2}` : step.label;
  return `[${place}] ${step.sha.slice(0, 12)} ${step.verdict} in ${step.seconds}s${step.fresh ? " (from scratch)" : ""}`;
}
function commitLine(r) {
  const c = r.culprit;
  return c ? `commit: ${c.sha} [${c.position.k}/${c.position.n}] ("${c.subject}")` : void 0;
}
function outcomeLine(r) {
  if (r.culprit) return `first bad commit ${r.culprit.sha.slice(0, 12)} [${r.culprit.position.k}/${r.culprit.position.n}] "${r.culprit.subject}" (${r.builds} builds)`;
  return `no culprit: ${r.reason}${r.detail ? ` (${r.detail})` : ""} (${r.builds} builds)`;
}
function diagnosticText(r) {
  const d = r.culprit?.diagnostic;
  if (!d) return void 0;
  const place = d.file ? `${d.file}${d.line === void 0 ? "" : `:${d.line}`}: ` : "";
  return `${place}${d.severity}: ${d.message}`;
}
function bisectSummary(r) {
  const lines = [`## kernelbuilder bisect: ${r.tree} ${r.target}`, "", `${r.good.ref} (${r.good.sha.slice(0, 12)}, good) .. ${r.bad.ref} (${r.bad.sha.slice(0, 12)}, bad): ${r.commits} commits`, ""];
  if (r.sought) lines.push(`Sought: ${describeSought(r.sought)}`, "");
  if (r.culprit) {
    const c = r.culprit;
    lines.push(`**First bad commit** \`${commitLine(r)}\``, "", `- author: ${c.author}`, `- date: ${c.date}`);
    const d = diagnosticText(r);
    if (d) lines.push(`- introduced: \`${d}\``);
    lines.push(`- verified: built again from scratch it is ${c.verification.culprit}; ${c.verification.parents.map((p) => `parent ${p.sha.slice(0, 12)} ${p.verdict} (step ${p.step})`).join(", ")}`);
  } else {
    lines.push(`**No culprit named**: ${r.reason}${r.detail ? `: ${r.detail}` : ""}`);
  }
  lines.push("", `| step | commit | verdict | seconds |`, "| --- | --- | --- | --- |", ...r.steps.map((s) => `| ${s.label} | ${s.sha.slice(0, 12)} | ${s.verdict} | ${s.seconds} |`));
  lines.push("", `${r.builds} builds (about ${r.estimatedSteps} steps + 3 without skips), ${r.durationSeconds}s.`);
  if (r.bisectLog) lines.push("", "```", r.bisectLog, "```");
  return `${lines.join("\n")}
`;
}
function bisectEmail(r, to) {
  const subject = r.culprit ? `[kernelbuilder] ${r.target}: ${r.culprit.sha.slice(0, 12)} "${r.culprit.subject}"` : `[kernelbuilder] ${r.target}: bisect ${r.good.sha.slice(0, 12)}..${r.bad.sha.slice(0, 12)}: ${r.reason}`;
  const head2 = [...to ? [`To: ${to}`] : [], `Subject: ${subject}`, ""];
  const body = [`tree:   ${r.tree}`, `good:   ${r.good.ref} ${r.good.sha}`, `bad:    ${r.bad.ref} ${r.bad.sha}`, `target: ${r.target}`];
  if (r.culprit) {
    body.push(commitLine(r), `author: ${r.culprit.author}`, `date:   ${r.culprit.date}`, "");
    const d = diagnosticText(r);
    body.push(d ? `It introduced:

    ${d}` : `It introduced ${r.sought ? describeSought(r.sought) : "the failure"}.`);
    body.push("", "Verified: the commit built again from scratch shows it, its parent does not.");
  } else {
    body.push("", `No commit named: ${r.reason}${r.detail ? ` (${r.detail})` : ""}.`);
  }
  body.push("", "Steps:", ...r.steps.map((s) => `  ${s.label.padEnd(20)} ${s.sha.slice(0, 12)} ${s.verdict.padEnd(4)} ${s.seconds}s`));
  if (r.bisectLog) body.push("", "git bisect log:", "", ...r.bisectLog.split("\n").map((l) => `  ${l}`));
  return `${[...head2, ...body].join("\n")}
`;
}
function bisectAnnotations(r) {
  if (!r.culprit) return [];
  const d = r.culprit.diagnostic;
  return [
    {
      severity: d?.severity === "warning" ? "warning" : "error",
      title: `first bad commit for ${r.target}: ${r.culprit.sha.slice(0, 12)} [${r.culprit.position.k}/${r.culprit.position.n}]`,
      message: `${r.culprit.sha} ("${r.culprit.subject}") by ${r.culprit.author} introduced ${d ? d.message : describeSought(r.sought)}`,
      ...d?.file ? { file: d.file } : {},
      ...d?.line === void 0 ? {} : { startLine: d.line }
    }
  ];
}
function writeBisectReports(r, dir, emailTo) {
  const paths = { result: join24(dir, BISECT_FILES.result), summary: join24(dir, BISECT_FILES.summary), email: join24(dir, BISECT_FILES.email) };
  writeFileSync2(paths.result, `${JSON.stringify(r, null, 2)}
`);
  writeFileSync2(paths.summary, bisectSummary(r));
  writeFileSync2(paths.email, bisectEmail(r, emailTo));
  return paths;
}

// src/bisect/run-bisect.ts
import { createWriteStream as createWriteStream2, mkdirSync as mkdirSync5, rmSync as rmSync2 } from "node:fs";
import { join as join26 } from "node:path";

// src/bisect/exec.ts
async function execIn(container, cmd, onLine) {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const raw = await exec.start({ hijack: true, stdin: false });
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  for await (const { stream, data } of demuxDockerStream(raw)) splitters[stream].feed(data, onLine);
  for (const s of Object.values(splitters)) for (const line of s.end()) onLine(line);
  const { ExitCode } = await exec.inspect();
  return ExitCode ?? -1;
}

// src/bisect/git-bisect-output.ts
var FIRST_BAD = /^([0-9a-f]{40,64}) is the first bad commit$/m;
var NEXT = /^Bisecting: (\d+) revisions? left to test after this.*\n\[([0-9a-f]{40,64})\]/m;
var ONLY_SKIPPED = /^There are only 'skip'ped commits left to test\.$/m;
function parseBisectOutput(text) {
  const first = FIRST_BAD.exec(text);
  if (first) return { kind: "first-bad", sha: first[1] };
  if (ONLY_SKIPPED.test(text)) {
    return { kind: "only-skipped", candidates: [...text.matchAll(/^([0-9a-f]{40,64})$/gm)].map((m) => m[1]) };
  }
  const next = NEXT.exec(text);
  if (next) return { kind: "next", sha: next[2], left: Number(next[1]) };
  return { kind: "unknown" };
}

// src/bisect/observe-step.ts
import { readFileSync as readFileSync5 } from "node:fs";
import { join as join25 } from "node:path";
async function observeStep(args) {
  const { plan, noise } = args;
  const t = plan.targets[0];
  const statusPath = join25(plan.logsDir, targetPaths(t.arch, t.config).status);
  const collected = collectResults({
    plan,
    image: args.image,
    statuses: /* @__PURE__ */ new Map([[targetName(t), readIfThere2(statusPath)]]),
    startedAt: args.startedAt,
    finishedAt: args.finishedAt,
    driverExitCode: args.exitCode
  });
  const kept = withKept(collected, plan.logsDir);
  const booted = args.boot && kept.targets[0].status === "pass" ? await args.boot(kept) : kept;
  const analysed = await analyseLogs(booted, plan.logsDir, noise);
  const result = analysed.targets[0];
  let firstError;
  await scanLog(join25(plan.logsDir, result.log), result.target, (d) => {
    if (!firstError && tally(d, isNoise(d, noise)) === "errors") firstError = d;
  });
  const counted = (analysed.issues ?? []).filter((i) => !i.noise && tally(i, i.noise) !== void 0);
  return {
    build: analysed.result === "error" ? "error" : result.status,
    ...result.reason ? { fault: result.reason } : {},
    ...firstError ? { firstError: found(firstError) } : {},
    issues: counted.map(found),
    ...result.boot ? { boot: result.boot.status } : {}
  };
}
function found(d) {
  return {
    signature: d.signature,
    kind: d.kind,
    severity: d.severity,
    message: d.message,
    ...d.file === void 0 ? {} : { file: d.file },
    ...d.line === void 0 ? {} : { line: d.line }
  };
}
function readIfThere2(path) {
  try {
    return readFileSync5(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/bisect/run-bisect.ts
var CONTAINER_LOGS = "/logs";
async function runBisect(plan, deps) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const startedAt = now();
  mkdirSync5(plan.dir, { recursive: true });
  rmSync2(join26(plan.dir, BISECT_STEPS_DIR), { recursive: true, force: true });
  for (const file of Object.values(BISECT_FILES)) rmSync2(join26(plan.dir, file), { force: true });
  const [buildUid, buildGid] = String(plan.container.User).split(":").map(Number);
  if (buildUid !== deps.uid) chownTree(plan.dir, buildUid, buildGid);
  prepareCcacheDir(plan.build, plan.image, [buildUid, buildGid], deps.uid);
  for (const id of await removeLeftovers(deps.docker)) deps.log.info(`removed container ${id.slice(0, 12)} left by an earlier run`);
  const driverLog = createWriteStream2(join26(plan.dir, BISECT_FILES.driverLog));
  const container = await deps.docker.createContainer(plan.container);
  let stopped;
  const stop = (why) => {
    stopped ??= why;
    void container.kill().catch(() => void 0);
  };
  const onCancel = () => stop("cancelled");
  const onDeadline = () => stop("timeout");
  deps.signal?.addEventListener("abort", onCancel, { once: true });
  deps.deadline?.addEventListener("abort", onDeadline, { once: true });
  const bootSignal = deps.signal && deps.deadline ? AbortSignal.any([deps.signal, deps.deadline]) : deps.signal ?? deps.deadline;
  const stopWatching = watchLogsFolder(plan.dir, plan.build.limits.logs, (use) => stop(`its folder holds ${use.bytes} bytes, past logs-limit`));
  const steps = [];
  const observed = /* @__PURE__ */ new Map();
  let bisecting = false;
  let sought;
  const resultOf = (end, bisectLog) => {
    const finishedAt = now();
    return {
      schema: 1,
      tree: plan.tree,
      source: plan.source,
      target: plan.target,
      good: plan.good,
      bad: plan.bad,
      commits: plan.commits,
      estimatedSteps: plan.estimatedSteps,
      image: { name: plan.image.name, id: plan.image.id },
      ...sought ? { sought } : {},
      outcome: end.culprit ? "found" : "not found",
      ...end.reason ? { reason: end.reason } : {},
      ...end.detail ? { detail: end.detail } : {},
      ...end.culprit ? { culprit: end.culprit } : {},
      steps,
      builds: steps.length,
      bisectLog,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1e3)
    };
  };
  try {
    await container.start();
    if (deps.signal?.aborted) onCancel();
    if (deps.deadline?.aborted) onDeadline();
    const run = async (cmd) => {
      const lines = [];
      const code = await execIn(container, cmd, (line) => {
        lines.push(line);
        driverLog.write(`${line}
`);
      }).catch((e) => {
        throw stopped ? new KernelbuilderError(`the bisect was stopped: ${stopped}`) : new DockerError(`the Docker engine at ${dockerEndpoint()} failed mid-bisect (${e.message})`);
      });
      if (stopped) throw new KernelbuilderError(`the bisect was stopped: ${stopped}`);
      return { code, text: lines.join("\n") };
    };
    const driver = (...args) => run([`${DRIVER_MOUNT}/bisect.sh`, ...args]);
    const setup = await driver("setup");
    if (setup.code !== 0) throw new KernelbuilderError(`the bisect's set-up in the container failed (exit ${setup.code}): ${setup.text.split("\n").slice(-5).join(" | ")}`);
    const build = async (label, sha, fresh, rebuild2 = []) => {
      const stepDir = bisectStepDir(plan.dir, label);
      const started = now();
      const { code } = await driver("build", sha, `${CONTAINER_LOGS}/${BISECT_STEPS_DIR}/${label}`, fresh ? "1" : "0", driverTarget(plan.build.targets[0]), ...rebuild2);
      const finished = now();
      for (const path of removeUnsafeEntries(plan.dir)) deps.log.warning(`removed ${path} from the bisect's folder: the build left a link or special file there, which kernelbuilder never follows`);
      const stepPlan = { ...plan.build, logsDir: stepDir, ref: { ...plan.build.ref, sha } };
      const boot = plan.bootImage ? (results) => bootTargets2(results, stepPlan, stepDir, { docker: deps.docker, log: deps.log, image: plan.bootImage, user: String(plan.container.User), signal: bootSignal }) : void 0;
      const observation = await observeStep({ plan: stepPlan, image: plan.image, exitCode: code, startedAt: started, finishedAt: finished, noise: deps.noise, ...boot ? { boot } : {} });
      return { observation, seconds: Math.round((finished.getTime() - started.getTime()) / 100) / 10 };
    };
    const record = (label, sha, fresh, verdict, seconds2, o) => {
      const step = { label, sha, verdict, seconds: seconds2, fresh, ...o.build !== "pass" && o.firstError ? { firstError: o.firstError.signature } : {} };
      steps.push(step);
      observed.set(sha, { verdict, label });
      deps.log.info(stepLine(step, plan.estimatedSteps));
    };
    const good = await build("good", plan.good.sha, true);
    const bad = await build("bad", plan.bad.sha, false);
    const decision = decideFromEnds(plan.what, good.observation, bad.observation);
    sought = "sought" in decision ? decision.sought : void 0;
    const reason = sought ? void 0 : decision.reason;
    record("good", plan.good.sha, true, sought ? verdictOf(sought, good.observation) : reason === "good end is bad" ? "bad" : "good", good.seconds, good.observation);
    record("bad", plan.bad.sha, false, sought ? verdictOf(sought, bad.observation) : reason === "good end is bad" ? "bad" : "good", bad.seconds, bad.observation);
    if (!sought) return await finish({ reason, detail: decision.detail });
    const seeking = sought;
    deps.log.info(`bisecting ${plan.commits} commits for ${describeSought(seeking)}: about ${plan.estimatedSteps} steps`);
    bisecting = true;
    const rebuild = filesToRebuild(seeking);
    let state = parseBisectOutput((await driver("bisect", "start", "--no-checkout", plan.bad.sha, plan.good.sha)).text);
    for (let k = 1; state.kind === "next"; k++) {
      const sha = state.sha;
      const { observation, seconds: seconds2 } = await build(String(k), sha, false, rebuild);
      const verdict = verdictOf(seeking, observation);
      record(String(k), sha, false, verdict, seconds2, observation);
      state = parseBisectOutput((await driver("bisect", verdict, sha)).text);
    }
    if (state.kind === "only-skipped") {
      return await finish({ reason: "all skipped", detail: `only skipped commits are left; the first bad commit is one of ${state.candidates.map((c) => c.slice(0, 12)).join(" ")}` });
    }
    if (state.kind !== "first-bad") throw new KernelbuilderError("git bisect in the clone gave output kernelbuilder does not know (see driver.log in the bisect's folder)");
    const again = await build("culprit", state.sha, true);
    const culpritVerdict = verdictOf(seeking, again.observation);
    record("culprit", state.sha, true, culpritVerdict, again.seconds, again.observation);
    const parents = (await deps.git.run(["rev-list", "--parents", "-n", "1", state.sha])).trim().split(" ").slice(1);
    const parentVerdicts = [];
    for (const parent of parents) {
      let known = observed.get(parent);
      if (!known || known.verdict === "skip") {
        const label = `parent-${parent.slice(0, 12)}`;
        const { observation, seconds: seconds2 } = await build(label, parent, false, rebuild);
        record(label, parent, false, verdictOf(seeking, observation), seconds2, observation);
        known = observed.get(parent);
      }
      parentVerdicts.push({ sha: parent, verdict: known.verdict, step: known.label });
    }
    const verification = { culprit: culpritVerdict, parents: parentVerdicts };
    if (culpritVerdict !== "bad" || parentVerdicts.some((p) => p.verdict !== "good")) {
      return await finish({ reason: "not verified", detail: `git bisect named ${state.sha.slice(0, 12)}, but built again it is ${culpritVerdict} and its parents are ${parentVerdicts.map((p) => `${p.sha.slice(0, 12)} ${p.verdict}`).join(", ")}` });
    }
    return await finish({ culprit: await culpritOf(state.sha, seeking, again.observation, verification) });
    async function finish(end) {
      return resultOf(end, bisecting ? (await driver("bisect", "log")).text : "");
    }
  } catch (e) {
    if (stopped !== "timeout") throw e;
    return resultOf({ reason: "timeout", detail: `stopped after ${steps.length} builds: the run's bisects took longer than bisect-timeout allows` }, "");
  } finally {
    stopWatching();
    deps.signal?.removeEventListener("abort", onCancel);
    deps.deadline?.removeEventListener("abort", onDeadline);
    await container.remove({ force: true, v: true }).catch(() => void 0);
    await new Promise((resolve6) => driverLog.end(resolve6));
    for (const path of removeUnsafeEntries(plan.dir)) deps.log.warning(`removed ${path} from the bisect's folder: the build left a link or special file there, which kernelbuilder never follows`);
    if (buildUid !== deps.uid) chownTree(plan.dir, deps.uid, deps.gid);
  }
  async function culpritOf(sha, sought2, shown2, verification) {
    const [, author, date, subject] = (await deps.git.run(["log", "-1", "--format=%H%x1f%an <%ae>%x1f%aI%x1f%s", sha])).trim().split("");
    const range = (await deps.git.run(["rev-list", "--reverse", "--topo-order", `${plan.good.sha}..${plan.bad.sha}`])).split("\n").filter((l) => l.length > 0);
    const diagnostic = sought2.kind === "build" ? shown2.firstError : sought2.kind === "signature" ? shown2.issues.find((i) => i.signature === sought2.signature) : shown2.issues.find((i) => i.severity === "error");
    return { sha, author, date, subject, position: positionIn(sha, range) ?? { k: 0, n: range.length }, ...diagnostic ? { diagnostic } : {}, verification };
  }
}
function filesToRebuild(sought) {
  if (sought.kind !== "signature") return [];
  const file = sought.signature.split("|")[1] ?? "";
  return /^[A-Za-z0-9_+-][A-Za-z0-9_.+/-]*\.[cS]$/.test(file) && !file.split("/").includes("..") ? [file] : [];
}

// src/bisect/after-build.ts
import { dirname as dirname3, relative as relative3 } from "node:path";

// src/bisect/choose.ts
function chooseBisects(results, mode, limit) {
  const r = results.regressions;
  if (!r) return { none: "there is no baseline to compare with (input baseline, or an earlier build of the ref in the logs)" };
  if (!r.baseline.sha) return { none: `the baseline ${r.baseline.results} has no sha to start from` };
  if (r.baseline.sha === results.sha) return { none: `the baseline ${r.baseline.buildId} is the same commit ${results.sha.slice(0, 12)}: nothing lies between them` };
  if (results.result === "error") return { none: "the build itself failed to run: its results say nothing of the kernel" };
  const issues = (results.issues ?? []).filter((i) => !i.noise);
  const fresh = new Set(r.newIssues);
  const firstNewError = (target) => issues.find((i) => i.severity === "error" && i.kind !== "make" && fresh.has(i.signature) && i.targets.includes(target))?.signature;
  const byName = new Map(results.targets.map((t) => [t.target, t]));
  const requests = [];
  const covered = /* @__PURE__ */ new Set();
  for (const target of r.newlyFailing) {
    const t = byName.get(target);
    if (t?.status !== "fail" || t.reason !== void 0) continue;
    const error2 = firstNewError(target);
    const key = error2 ?? `build ${target}`;
    if (covered.has(key)) continue;
    covered.add(key);
    requests.push({ regression: `${target} newly fails to build${error2 ? ` (${error2})` : ""}`, target, what: { kind: "build" } });
  }
  for (const target of r.newlyFailingBoots ?? []) {
    if (byName.get(target)?.status !== "pass") continue;
    requests.push({ regression: `${target} newly fails to boot`, target, what: { kind: "boot" } });
  }
  if (mode === "new-errors") {
    const failing = new Set(r.newlyFailing);
    for (const issue of issues) {
      if (issue.severity !== "error" || !fresh.has(issue.signature) || covered.has(issue.signature)) continue;
      const target = issue.targets.find((t) => !failing.has(t) && byName.has(t));
      if (!target) continue;
      requests.push({ regression: `new error ${issue.signature} on ${target}`, target, what: { kind: "signature", signature: issue.signature } });
    }
  }
  return { good: r.baseline.sha, bad: results.sha, requests: requests.slice(0, limit), leftOut: requests.slice(limit) };
}

// src/bisect/after-build.ts
async function bisectRegressions(results, reports, logsDir, inputs, deps) {
  const settings = inputs.bisect;
  if (!settings) return { results, bisects: [] };
  const choice = chooseBisects(results, settings.mode, settings.limit);
  if ("none" in choice) {
    deps.log.info(`not bisecting: ${choice.none}`);
    return { results, bisects: [] };
  }
  if (choice.leftOut.length > 0) deps.log.info(`not bisecting (bisect-limit ${settings.limit}): ${choice.leftOut.map((r) => r.regression).join("; ")}`);
  if (choice.requests.length === 0) {
    if (choice.leftOut.length === 0) deps.log.info(`not bisecting: no new regression since the baseline ${choice.good.slice(0, 12)} to bisect (bisect ${settings.mode})`);
    return { results, bisects: [] };
  }
  const deadline = AbortSignal.timeout(settings.timeoutSeconds * 1e3);
  const records = [];
  const bisects = [];
  for (const request of choice.requests) {
    if (deps.signal?.aborted) break;
    if (deadline.aborted) {
      records.push({ ...head(request), result: "not found", reason: "timeout: bisect-timeout was spent before it started" });
      continue;
    }
    try {
      const plan = await checkBisectPlan(bisectInputsOfBuild(inputs, results.tree, choice.good, choice.bad, request.target, request.what), deps);
      deps.log.info(`bisecting ${request.regression}: ${plan.commits} commits ${plan.good.sha.slice(0, 12)}..${plan.bad.sha.slice(0, 12)}, about ${plan.estimatedSteps} steps; in ${plan.dir}`);
      const r = await runBisect(plan, { ...deps, noise: inputs.noise, deadline });
      writeBisectReports(r, plan.dir, inputs.emailTo);
      deps.log.info(`${request.regression}: ${outcomeLine(r)}`);
      bisects.push(r);
      records.push(recordOf(request, r, relative3(dirname3(reports.results), plan.dir)));
    } catch (e) {
      if (!(e instanceof KernelbuilderError)) throw e;
      deps.log.warning(`could not bisect ${request.regression}: ${e.message}`);
      records.push({ ...head(request), result: "error", reason: e.message });
    }
  }
  const withBisects = { ...results, bisects: records };
  writeReports(withBisects, reportDirs(inputs.logs, logsDir), { emailTo: inputs.emailTo, warn: (m) => deps.log.warning(m) });
  return { results: withBisects, bisects };
}
function head(request) {
  return { regression: request.regression, target: request.target, what: request.what.kind === "signature" ? request.what.signature : request.what.kind };
}
function recordOf(request, r, folder) {
  const c = r.culprit;
  return {
    ...head(request),
    result: c ? "found" : "not found",
    ...c ? { culprit: { sha: c.sha, subject: c.subject, author: c.author, date: c.date, position: c.position } } : { reason: `${r.reason}${r.detail ? `: ${r.detail}` : ""}` },
    builds: r.builds,
    durationSeconds: r.durationSeconds,
    folder
  };
}

export {
  require_semver2 as require_semver,
  defaultImageTable,
  targetName,
  DEFAULT_KEEP,
  DEFAULT_BOOT_TIMEOUT,
  DEFAULT_BISECT_LIMIT,
  MAX_BISECT_LIMIT,
  DEFAULT_BISECT_TIMEOUT,
  previousTargets,
  DEFAULT_KCIDB_ORIGIN,
  parseKcidbOrigin,
  DEFAULT_ARCHES,
  DEFAULT_CONFIGS,
  DEFAULT_LOGS,
  DEFAULT_TMPFS_SIZE,
  DEFAULT_LOGS_LIMIT,
  getInputs,
  parseMode,
  readNoise,
  readEmailTo,
  sizeInBytes,
  gitIn,
  targetCosts,
  longestFirst,
  shardTargets,
  spaceLimitBytes,
  fitsInSpace,
  loadProjectFragments,
  makePlan,
  ImageLabel,
  imageInfoFromInspect,
  overallResult,
  failedTargets,
  failedBoots,
  tally,
  html,
  htmlPage,
  writeReports,
  writeAtomically,
  analyseLogs,
  checkPlan,
  checkPlanOnHost,
  checkPlanOnEngine,
  logPlan,
  runBuild,
  echoFailures,
  buildMatrix,
  planRefs,
  parseShards,
  readResultsDir,
  reportShards,
  parseReportInputs,
  abortOnSignals,
  getBisectInputs,
  checkBisectPlan,
  outcomeLine,
  bisectAnnotations,
  writeBisectReports,
  runBisect,
  bisectRegressions
};
