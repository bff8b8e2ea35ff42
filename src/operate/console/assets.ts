// The console's stylesheet and its one small script, served from /console/assets/ (same origin, so the Content
// Security Policy can forbid every inline script and style: injected markup could not run even if escaping failed).
export const CONSOLE_CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2329;background:#f4f6f8}
header{background:#1d2b36;color:#fff;display:flex;align-items:center;gap:18px;padding:0 18px;height:46px}
header b{font-size:16px;letter-spacing:.3px}header nav a{color:#cfd8dc;text-decoration:none;margin-right:12px}
header nav a.on,header nav a:hover{color:#fff;border-bottom:2px solid #4fc3f7}header form{margin-left:auto}
header .who{color:#90a4ae;font-size:12px}
main{padding:18px 22px;max-width:1280px}h1{font-size:20px;margin:4px 0 14px}h2{font-size:15px;margin:18px 0 8px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:12px 14px;min-width:150px}
.card .n{font-size:24px;font-weight:600}.card .l{color:#607d8b;font-size:12px}
.panel{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:12px 14px;margin-bottom:14px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e6ebef;vertical-align:top}
td.when{white-space:nowrap}th{background:#eef2f5;font-weight:600;font-size:12px;color:#455a64}td.num{text-align:right;font-variant-numeric:tabular-nums}
pre{white-space:pre-wrap;word-break:break-word;background:#f7f9fa;border:1px solid #e6ebef;padding:8px;border-radius:4px;max-height:420px;overflow:auto}
input,select,textarea,button{font:inherit}input[type=text],input[type=password],input[type=number],select,textarea{padding:5px 7px;border:1px solid #b0bec5;border-radius:4px}
button{padding:5px 12px;border:1px solid #1565c0;background:#1976d2;color:#fff;border-radius:4px;cursor:pointer}
button.danger{background:#c62828;border-color:#b71c1c}button.quiet{background:#fff;color:#1d2329;border-color:#b0bec5}
form.inline{display:inline}.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end}.filters label{display:flex;flex-direction:column;font-size:12px;color:#546e7a}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;background:#eceff1}
.b-delivered{background:#c8e6c9}.b-deferred,.b-queued{background:#fff3c4}.b-bounced,.b-expired{background:#ffcdd2}.b-quarantined{background:#bbdefb}.b-deleted{background:#e0e0e0}
.b-suspended,.b-paused{background:#ffcdd2}.b-active,.b-ok{background:#c8e6c9}.b-slowed{background:#fff3c4}
table.matrix td,table.matrix th{text-align:center}table.matrix th:first-child,table.matrix tr th{text-align:left}
.legend{margin-right:12px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
.c-delivered{background:#2e7d32}.c-deferred{background:#f9a825}.c-bounced{background:#c62828}.c-expired{background:#6a1b9a}.c-held{background:#1565c0}.c-refused{background:#455a64}
.flash{background:#e3f2fd;border:1px solid #90caf9;padding:8px 12px;border-radius:4px;margin-bottom:12px}
.error{background:#ffebee;border-color:#ef9a9a}.muted{color:#78909c}.grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}dt{color:#607d8b}dd{margin:0}
.login{max-width:420px;margin:80px auto}.login input{width:100%;margin:8px 0}
.enduser{max-width:640px;margin:40px auto;background:#fff;border:1px solid #dde3e8;border-radius:8px;padding:22px 26px}
.enduser h1{font-size:22px}.enduser li{margin-bottom:6px}
`;

/** "Select all" boxes for bulk forms, and confirmation of destructive buttons. Nothing else runs in the page. */
export const CONSOLE_JS = `
document.addEventListener('change', function (e) {
  var t = e.target;
  if (t && t.matches && t.matches('input[data-select-all]')) {
    var boxes = document.querySelectorAll('input[type=checkbox][name="' + t.getAttribute('data-select-all') + '"]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = t.checked;
  }
});
document.addEventListener('submit', function (e) {
  var b = e.submitter;
  if (b && b.hasAttribute('data-confirm') && !window.confirm(b.getAttribute('data-confirm'))) e.preventDefault();
});
`;

/** Sent with every console and end-user page. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
