/* "Spor trygt" (Sp\u00f8r trygt) on another site, with one line:
     <script src="https://CHAT-ADDRESS/static/embed.js" async></script>
   Adds a button that opens the chat in a frame served from our origin (the
   site must be listed in EMBED_ORIGINS). Stores nothing. ASCII only (\u
   escapes): it runs inside pages of any encoding. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Sp\u00f8r trygt \u2013 anonym chat";
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:600 1rem system-ui,sans-serif;" +
    "padding:.7rem 1rem;border:0;border-radius:2rem;background:#163f5c;color:#fff;cursor:pointer";
  var frame = null;
  button.addEventListener("click", function () {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = origin + "/";
      frame.title = "Sp\u00f8r trygt \u2013 anonym chat";
      frame.referrerPolicy = "no-referrer";
      frame.style.cssText = "position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));" +
        "height:min(40rem,calc(100vh - 6rem));border:1px solid #888;border-radius:.6rem;background:#fff";
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    button.setAttribute("aria-expanded", String(!frame.hidden));
  });
  document.body.appendChild(button);
})();
