/**
 * A replica Vibe chat page that streams a long assistant reply token by token, for the streaming benchmark
 * (scripts/bench.ts). Markup as in test/fixtures/vibe-chat.*.html (provenance: shared/notes/mistral-surfaces.md,
 * "Chat page markup", 3rd-party sources): about 40 earlier turns already on the page, then `startStream(total, perFrame)`
 * appends an assistant turn and streams `total` tokens into it, `perFrame` per animation frame, with paragraphs,
 * lists and code blocks, and a new action bar (thumbs, copy) at the end. `window.__stream` reports progress.
 * With `upgradeCue` (the default) the sidebar has an "Upgrade to Pro" link, so the user reads as Free and
 * Windsock shows its training banner during the stream, as it would for a real Free user.
 */
export function streamPage(earlierTurns = 40, upgradeCue = true): string {
  const turns: string[] = [];
  for (let i = 0; i < earlierTurns; i++) {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    turns.push(
      role === 'user'
        ? `<div data-message-author-role="user" data-message-id="${id}" data-message-version="0"><div class="user-bubble select-text"><span class="whitespace-pre-wrap">Question number ${i} about the Mistral wind and the Rhône valley?</span></div></div>`
        : `<div data-message-author-role="assistant" data-message-id="${id}" data-message-version="0"><div data-message-part-type="answer"><div class="markdown-container-style prose"><p>Answer ${i}: the mistral is a strong, cold, northwesterly wind that blows from southern France into the Gulf of Lion.</p><ul><li>It clears the sky.</li><li>It can last days.</li></ul></div></div><div class="action-bar"><button type="button" aria-label="Like"><svg viewBox="0 0 24 24" class="lucide lucide-thumbs-up"><path d="M7 10v12"/></svg></button><button type="button" aria-label="Dislike"><svg viewBox="0 0 24 24" class="lucide lucide-thumbs-down"><path d="M17 14V2"/></svg></button><button type="button" aria-label="Copy"><svg viewBox="0 0 24 24"><rect width="14" height="14" x="8" y="8"/></svg></button></div></div>`,
    );
  }
  return `<!doctype html>
<!-- Provenance: streaming benchmark replica of a Vibe chat page; markup from shared/notes/mistral-surfaces.md
     ("Chat page markup", 3rd); the streaming rhythm (a batch of tokens per animation frame) is a guess. -->
<html lang="en"><head><meta charset="utf-8"><title>Vibe</title>
<style>body{font:15px/1.5 system-ui;margin:0;display:flex}aside{width:240px;border-right:1px solid #ddd;padding:8px}main{flex:1;padding:16px;max-width:860px}
[data-message-author-role=user]{text-align:right;margin:12px 0}.user-bubble{display:inline-block;background:#f2f2f2;border-radius:12px;padding:6px 12px}
pre{background:#111;color:#eee;padding:8px;border-radius:6px;overflow:auto}.action-bar{display:flex;gap:6px}</style></head>
<body><aside><ul data-sidebar="menu"><li><a href="/chat/00000000-0000-4000-8000-000000000001">Mistral wind</a></li></ul>${upgradeCue ? '<a href="/upgrade/plans">Upgrade to Pro</a>' : ''}</aside>
<main><div class="thread">${turns.join('\n')}</div>
<form class="composer"><div class="ProseMirror" contenteditable="true"></div><button type="submit" aria-label="Send question">Send</button></form></main>
<script>
(function(){
  var WORDS = 'the mistral wind blows down the Rhône valley cold and dry clearing the sky over Provence for days'.split(' ');
  window.__stream = { done: false, tokens: 0 };
  window.startStream = function (total, perFrame) {
    var thread = document.querySelector('.thread');
    var turn = document.createElement('div');
    turn.setAttribute('data-message-author-role', 'assistant');
    turn.setAttribute('data-message-id', '11111111-1111-4111-8111-111111111111');
    turn.setAttribute('data-message-version', '0');
    var part = document.createElement('div'); part.setAttribute('data-message-part-type', 'answer');
    var md = document.createElement('div'); md.className = 'markdown-container-style prose';
    part.appendChild(md); turn.appendChild(part); thread.appendChild(turn);
    var block = null, n = 0;
    function newBlock() {
      var k = Math.floor(n / 60) % 4;
      if (k === 1) { var ul = document.createElement('ul'); md.appendChild(ul); block = document.createElement('li'); ul.appendChild(block); }
      else if (k === 3) { var pre = document.createElement('pre'); block = document.createElement('code'); pre.appendChild(block); md.appendChild(pre); }
      else { block = document.createElement('p'); md.appendChild(block); }
    }
    newBlock();
    function frame() {
      for (var i = 0; i < perFrame && n < total; i++, n++) {
        if (n % 60 === 0 && n > 0) newBlock();
        else if (n % 15 === 0 && block.tagName === 'LI') { var li = document.createElement('li'); block.parentNode.appendChild(li); block = li; }
        // Token by token, as the app appends text to the current node.
        block.appendChild(document.createTextNode(WORDS[n % WORDS.length] + ' '));
      }
      window.__stream.tokens = n;
      if (n < total) requestAnimationFrame(frame);
      else {
        // A new action bar, like the earlier turns' (copied, not written as HTML).
        var bar = document.querySelector('.action-bar').cloneNode(true);
        turn.appendChild(bar);
        requestAnimationFrame(function () { window.__stream.done = true; });
      }
    }
    requestAnimationFrame(frame);
  };
  window.__longTasks = 0;
  try { new PerformanceObserver(function (l) { window.__longTasks += l.getEntries().length; }).observe({ type: 'longtask', buffered: false }); } catch (e) {}
})();
</script></body></html>`;
}

export const STREAM_TOKENS = 3000;
