// The built-in provider's own pages: plain server-rendered HTML in bokmål, no script and no inline
// style (the app's Content-Security-Policy applies), one stylesheet from /oidc/ui/provider.css.

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Knutepunkt demo-ID</title>
<link rel="stylesheet" href="/oidc/ui/provider.css">
</head>
<body>
<header class="op-header"><p class="op-brand">Knutepunkt demo-ID</p></header>
<main id="innhold" class="op-main">
${body}
</main>
</body>
</html>`;
}

export function loginPage(input: { action: string; username?: string; error?: string; clientName: string }): string {
  const invalid = input.error ? ' aria-invalid="true" aria-describedby="op-error"' : '';
  return layout(
    'Logg inn',
    `<h1>Logg inn</h1>
<p>Du logger inn i ${escape(input.clientName)}. Dette er demoens egen innloggingstjeneste: bruk en av demokontoene.</p>
${input.error ? `<div id="op-error" class="op-error" role="alert"><p>${escape(input.error)}</p></div>` : ''}
<form method="post" action="${escape(input.action)}" class="op-form" novalidate>
<div class="op-field">
<label for="op-username">Brukernavn</label>
<input id="op-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escape(input.username ?? '')}"${invalid}>
</div>
<div class="op-field">
<label for="op-password">Passord</label>
<input id="op-password" name="password" type="password" autocomplete="current-password" required${invalid}>
</div>
<button type="submit" class="op-button">Logg inn</button>
</form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<h1>${escape(title)}</h1>\n<p>${escape(text)}</p>\n<p><a href="/">Til Knutepunkt</a></p>`);
}

/** oidc-provider hands us its hidden form; our buttons submit it. */
export function logoutPage(form: string): string {
  return layout(
    'Logg ut',
    `<h1>Vil du logge ut av demo-ID?</h1>
${form}
<div class="op-actions">
<button type="submit" form="op.logoutForm" value="yes" name="logout" class="op-button">Ja, logg ut</button>
<button type="submit" form="op.logoutForm" class="op-button op-button--secondary">Nei, forbli innlogget</button>
</div>`,
  );
}

export const providerStylesheet = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#1e2b3c;background:#f4f5f6}
.op-header{background:#1e2b3c;color:#fff;padding:.75rem 1.5rem}
.op-brand{margin:0;font-weight:600}
.op-main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;border:1px solid #c9cfd6}
h1{font-size:1.75rem;margin-top:0}
.op-form{display:flex;flex-direction:column;gap:1rem}
.op-field{display:flex;flex-direction:column;gap:.25rem}
label{font-weight:600}
input{font:inherit;padding:.5rem .75rem;border:1px solid #5c6b7a;border-radius:.25rem}
input:focus,button:focus,a:focus{outline:3px solid #0062ba;outline-offset:2px}
input[aria-invalid="true"]{border-color:#c01b1b;border-width:2px}
.op-error{border-left:4px solid #c01b1b;background:#fdf1f1;padding:.5rem 1rem;margin-bottom:1rem}
.op-error p{margin:0}
.op-button{font:inherit;font-weight:600;padding:.625rem 1.25rem;border:0;border-radius:.25rem;background:#0062ba;color:#fff;cursor:pointer;align-self:flex-start}
.op-button--secondary{background:#fff;color:#0062ba;border:2px solid #0062ba}
.op-actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1rem}
a{color:#0062ba}
`;
