/* Host-side script for embedded charts: sets each of our iframes' height from
   the 'cixi-embed:height' messages it posts. Acts only on messages from one of
   our iframes (event.source) and from our origin (the origin of this script). */
(function (w, d) {
  if (w.cixiEmbed) return w.cixiEmbed.ping();
  var s = d.currentScript, o = s ? new URL(s.src, location.href).origin : '', A = 'data-cixi-embed';
  function frames() { return d.querySelectorAll('iframe[' + A + ']'); }
  function ping() {
    var f = frames();
    for (var i = 0; i < f.length; i++) {
      // a ping carries nothing: '*' avoids errors for frames still on about:blank
      try { f[i].contentWindow.postMessage({ type: 'cixi-embed:ping' }, '*'); } catch (e) {}
    }
  }
  w.addEventListener('message', function (e) {
    var m = e.data;
    if (e.origin !== o || !m || m.type !== 'cixi-embed:height') return;
    var h = Math.ceil(+m.height), f = frames();
    if (!(h > 0 && h < 1e5)) return;
    for (var i = 0; i < f.length; i++) {
      if (f[i].contentWindow === e.source) {
        f[i].style.height = h + 'px';
        f[i].setAttribute('height', h);
      }
    }
  });
  w.cixiEmbed = { ping: ping };
  ping();
  w.addEventListener('load', ping);
})(window, document);
