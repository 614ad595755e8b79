/** The Content-Security-Policy a meta tag can carry (DESIGN.md, Security). */
export declare const META_CSP: string;
/** The policy as an HTTP header: the meta tag's plus `form-action` and `frame-ancestors`. */
export declare function headerCsp(frameAncestors: readonly string[]): string;
/** Headers besides the CSP that README recommends for every file. */
export declare const OTHER_HEADERS: Record<string, string>;
