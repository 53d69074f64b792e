/**
 * The Content-Security-Policy every file under app:// is served with. The renderer owns the exact
 * policy (the meta tag in src-renderer/index.html, which e.g. allows by hash the one <style> React
 * Aria injects); the shell sends the same policy as a header, adds what only a header can say
 * (frame-ancestors), and first checks it against the rules below, so that a loosened policy stops
 * start-up instead of shipping. The e2e host serves the same policy the same way.
 */

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i;
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;
/** `data:` URLs are inert as images and fonts; anywhere else they could carry script or markup. */
const DATA_ALLOWED_IN = new Set(['img-src', 'font-src']);
/**
 * `blob:` only for <object> and the frame Chromium's PDF viewer loads it in: the report preview
 * shows a PDF the page made itself from the bytes `reports.preview` returned (a blob: URL can only
 * be created by our own origin's script). Never for scripts, workers, styles or connections.
 */
const BLOB_ALLOWED_IN = new Set(['object-src', 'frame-src']);

export function policyFromIndexHtml(html: string): string {
  const policy = META_CSP.exec(html)?.[1];
  if (!policy) throw new Error('policyFromIndexHtml: the renderer has no Content-Security-Policy meta tag');
  return policy;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name.toLowerCase(), sources]),
  );
}

/**
 * What is wrong with a policy, in words; empty when it keeps the rules: `default-src 'self'`, and
 * every source is 'self', 'none', a hash, data: for images and fonts, or blob: for objects and frames
 * (the PDF preview). So: no remote origin, no wildcard, no blob: elsewhere, no 'unsafe-eval', no
 * 'unsafe-inline', no nonce (a static file cannot keep one).
 */
export function policyProblems(policy: string): string[] {
  const parsed = directives(policy);
  const problems: string[] = [];
  if (parsed.get('default-src')?.join(' ') !== "'self'") problems.push("default-src must be exactly 'self'");
  for (const [name, sources] of parsed) {
    for (const source of sources) {
      const allowed =
        source === "'self'" ||
        source === "'none'" ||
        HASH.test(source) ||
        (source === 'data:' && DATA_ALLOWED_IN.has(name)) ||
        (source === 'blob:' && BLOB_ALLOWED_IN.has(name));
      if (!allowed) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}

/** The headers for every app:// response, from the renderer's own policy once it passes the rules. */
export function securityHeaders(rendererPolicy: string): Record<string, string> {
  const problems = policyProblems(rendererPolicy);
  if (problems.length > 0) {
    throw new Error(`securityHeaders: the renderer's Content-Security-Policy is too loose: ${problems.join('; ')}`);
  }
  // A meta tag cannot forbid framing; only the header can.
  const policy = directives(rendererPolicy).has('frame-ancestors') ? rendererPolicy : `${rendererPolicy}; frame-ancestors 'none'`;
  return {
    'Content-Security-Policy': policy,
    // A file served with the wrong type must not be run as script or style.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
