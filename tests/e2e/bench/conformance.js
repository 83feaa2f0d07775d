// The W3C EPUB reading-system tests' checks (tests/e2e/src/conformance), each written from the
// test's own statement of what a passing reading system shows. Put into the e-reader's page
// after ours.js (the contract's `opened` and `next()` are used to wait for and turn pages).
// A reader check runs in the reader with the test book open; a collection check on the
// collection page. Each answers { pass, reason }; a test without a check here is reported
// "not checked" by the bench.
(() => {
  if (window.top !== window) return
  const later = ms => new Promise(done => setTimeout(done, ms))
  const frame = () => document.querySelector('.er-frame')
  const doc = () => frame()?.contentDocument
  const win = () => frame()?.contentWindow
  const style = el => win().getComputedStyle(el)
  const text = () => (doc()?.body?.innerText ?? doc()?.documentElement?.textContent ?? '').replace(/\s+/g, ' ')
  // Shown on the frame's current page: a box of the element lies within the frame.
  const onPage = el => {
    const w = frame().clientWidth, h = frame().clientHeight
    return [...el.getClientRects()].some(r => r.width > 0 && r.height > 0
      && r.right > 0 && r.left < w && r.bottom > 0 && r.top < h)
  }
  const numbers = () => ((document.querySelector('#er-pageno')?.textContent ?? '').match(/\d+/g) ?? []).map(Number)
  const until = async (test, ms = 5000) => {
    for (const end = performance.now() + ms; performance.now() < end; await later(25)) {
      try { if (test()) return true } catch (_) { /* the frame is between documents */ }
    }
    return false
  }
  const shows = phrase => until(() => text().includes(phrase))
  const verdict = (pass, reason) => ({ pass: !!pass, reason })
  // Turns until spine document `n` (from 1) is shown, at most `turns` times.
  const toDocument = async (n, turns = 30) => {
    for (let i = 0; i < turns && numbers()[2] !== n; i++) await window.__bench.next()
    return numbers()[2] === n
  }
  // On one of the current document's pages: this one, or one the reader turns to.
  const onSomePage = async el => {
    const start = numbers()[2]
    for (let i = 0; i < 30; i++) {
      if (onPage(el)) return `on page ${numbers()[0]}`
      const [page, pages] = numbers()
      if (page >= pages) return null
      await window.__bench.next()
      if (numbers()[2] !== start) return null
    }
    return null
  }
  const image = async () => {
    const img = doc().querySelector('img')
    if (!img) return verdict(false, 'no image in the document')
    const decoded = await until(() => img.complete && img.naturalWidth > 0)
    const where = decoded ? await onSomePage(img) : null
    return verdict(decoded && where, `${img.getAttribute('src')}: ${decoded ? `decoded (${img.naturalWidth} px wide)` : 'not decoded'}, ${where ?? 'on no page of its document'}`)
  }
  const contents = async () => {
    if (!document.querySelector('.er-toc__entry')) {
      const button = document.querySelector('#er-toc-button')
      if (!button) return []
      button.click()
      await until(() => document.querySelector('.er-toc__entry'))
    }
    return [...document.querySelectorAll('.er-toc__entry')]
  }
  const phrase = p => async () => {
    const seen = await shows(p)
    return verdict(seen, seen ? `shows "${p}"` : `does not show "${p}"; shows: ${text().slice(0, 120)}`)
  }

  const reader = {
    'cnt-css-fonts_woff2': async () => {
      const li = doc().querySelector('.font-woff2')
      const loaded = await until(() => [...doc().fonts].some(f => f.family.includes('Macondo') && f.status === 'loaded'))
      const family = style(li).fontFamily
      return verdict(loaded && family.includes('Macondo') && onPage(li),
        `font-family ${family}; the WOFF2 face ${loaded ? 'loaded' : 'not loaded'}`)
    },
    'cnt-mathml-support': async () => {
      const sup = doc().querySelector('math msup')
      if (!sup) return verdict(false, 'no MathML msup in the document')
      const base = sup.firstElementChild.getBoundingClientRect(), power = sup.lastElementChild.getBoundingClientRect()
      const raised = power.height > 0 && power.bottom < base.bottom - 1
      return verdict(raised && onPage(sup), `the exponent's box ${raised ? 'is raised above' : 'is not raised above'} its base`)
    },
    'cnt-svg-css': async () => {
      const root = doc().documentElement, path = doc().querySelector('.fil0')
      const fill = path ? style(path).fill : 'none'
      const ok = root.localName === 'svg' && fill.startsWith('url(') && path.getBBox().width > 0 && onPage(path)
      return verdict(ok, `root <${root.localName}>, the shape's fill ${fill}`)
    },
    'cnt-svg-embedded': async () => {
      const svg = doc().querySelector('body svg')
      if (!svg) return verdict(false, 'no inline SVG')
      const where = await onSomePage(svg)
      return verdict(where, `the inline SVG is ${where ?? 'on no page of its document'}`)
    },
    'cnt-svg-support': async () => {
      const root = doc().documentElement, path = doc().querySelector('path')
      const ok = root.localName === 'svg' && path && path.getBBox().width > 0 && onPage(path)
      return verdict(ok, `root <${root.localName}>, the drawing ${ok ? 'is' : 'is not'} on the page`)
    },
    'cnt-xhtml-support': phrase('Test passes if you see this.'),
    'css-epub-hyphens': async () => {
      // Found by the declaration as written or as the reading system serves it.
      const with_ = value => [...doc().querySelectorAll('p')].find(p => (p.getAttribute('style') ?? '').includes(`hyphens: ${value}`))
      const got = ['none', 'manual', 'auto'].map(v => { const p = with_(v); return [v, p ? style(p).hyphens || style(p).webkitHyphens : 'missing'] })
      return verdict(got.every(([want, is]) => want === is), got.map(([want, is]) => `-epub-hyphens: ${want} gives hyphens ${is}`).join('; '))
    },
    'css-epub-text-transform': async () => {
      const p = [...doc().querySelectorAll('p')].find(p => /-epub-fullwidth|full-width/.test(p.getAttribute('style') ?? ''))
      if (!p) return verdict(false, 'no paragraph with -epub-fullwidth')
      const s = style(p)
      return verdict(s.textTransform === 'full-width' && s.writingMode === 'vertical-rl',
        `text-transform ${s.textTransform}, writing-mode ${s.writingMode}`)
    },
    'css-epub-writing-mode': async () => {
      const seen = []
      for (const [n, want] of [[1, 'horizontal-tb'], [2, 'vertical-rl'], [3, 'vertical-lr']]) {
        if (!(await toDocument(n))) return verdict(false, `document ${n} not reached by turning`)
        const p = [...doc().querySelectorAll('p')].at(-1)
        const mode = style(p).writingMode
        seen.push(`document ${n}: ${mode}${onPage(p) ? '' : ' (not on the page)'}`)
        if (mode !== want || !onPage(p)) return verdict(false, seen.join('; ') + `, wanted ${want}`)
      }
      return verdict(true, seen.join('; '))
    },
    'lay-fxl-layout-default': async () => {
      const p = doc().querySelector('section p')
      const reflowed = p.getBoundingClientRect().width <= frame().clientWidth && style(doc().documentElement).columnWidth !== 'auto'
      return verdict(reflowed, `paragraph ${Math.round(p.getBoundingClientRect().width)} px wide in a ${frame().clientWidth} px frame, columns ${style(doc().documentElement).columnWidth}`)
    },
    'lay-pkg-flow-paginated': async () => {
      if (!(await toDocument(2))) return verdict(false, 'chapter 1 not reached by turning')
      const [, pages] = numbers(), root = style(doc().documentElement)
      return verdict(pages > 1 && root.columnWidth !== 'auto' && root.overflowY !== 'auto',
        `chapter 1 in ${pages} pages, columns ${root.columnWidth}, overflow-y ${root.overflowY}`)
    },
    'mol-tts_single': async () => {
      const spoken = []
      const speak = SpeechSynthesis.prototype.speak
      SpeechSynthesis.prototype.speak = function (u) { spoken.push(u.text); return speak.call(this, u) }
      if (!(await toDocument(2))) return verdict(false, 'the page with the extract not reached by turning')
      const button = document.querySelector('#er-speak')
      if (!button) return verdict(false, 'no read-aloud control in the reader')
      button.click()
      const read = await until(() => spoken.some(t => t.includes('Call me Ishmael')))
      document.querySelector('#er-speak-stop')?.click()
      return verdict(read, read ? 'the extract was handed to speech synthesis' : `spoken: ${JSON.stringify(spoken).slice(0, 120)}`)
    },
    'nav-access': async () => {
      const entries = await contents()
      if (entries.length !== 1) return verdict(false, `${entries.length} entries in the contents`)
      entries[0].click()
      return verdict(await shows('Test passes if you can access the single link'), `the contents' one entry "${entries[0].textContent}" opens the page`)
    },
    'nav-activation': async () => {
      const entry = (await contents()).find(e => e.textContent.includes('2nd'))
      if (!entry) return verdict(false, 'no entry for the 2nd document in the contents')
      entry.click()
      return verdict(await shows('Test passes if the navigation link leads here.'), 'the entry relocates to the 2nd document')
    },
    'nav-spine_in-spine-hidden-toc-css': async () => {
      const entries = await contents()
      if (entries.length < 2) return verdict(false, `${entries.length} entries in the contents widget (wanted both links)`)
      document.querySelector('#er-toc-close')?.click()
      let found = false
      for (let i = 0; i < 6 && !(found = !!doc().querySelector('nav')); i++) await window.__bench.next()
      if (!found) return verdict(false, 'the navigation document in the spine not reached by turning')
      const links = [...doc().querySelectorAll('nav a')]
      const hidden = links.length >= 2 && links[1].getClientRects().length === 0
      return verdict(hidden, `both links in the widget; in the spine the second link is ${hidden ? 'hidden' : 'shown'}`)
    },
    'nav-spine_in-spine': async () => {
      const entries = await contents()
      if (entries.length < 2) return verdict(false, `${entries.length} entries in the contents`)
      entries[1].click()
      return verdict(await shows('Hello'), 'both links in the contents; the second opens its document')
    },
    'nav-spine_not-in-spine': async () => {
      const entries = await contents()
      if (entries.length < 2) return verdict(false, `${entries.length} entries in the contents`)
      entries[1].click()
      return verdict(await shows('Hello'), 'both links in the contents; the second opens its document')
    },
    'ocf-metainf-inc': phrase('Test passes if this page of the book can be accessed without any error.'),
    'ocf-metainf-manifest': async () => {
      const seen = await shows('Test passes if only this page of the book is accessible')
      return verdict(seen && numbers()[3] === 1, `the page ${seen ? 'shown' : 'not shown'}, ${numbers()[3]} spine document(s)`)
    },
    'ocf-package_multiple': async () => {
      const seen = await shows('Test passes if you see this.')
      return verdict(seen && !text().includes('Test fails'), seen ? 'the first package is read' : `shows: ${text().slice(0, 100)}`)
    },
    'ocf-url_manifest': phrase('Test passes if this page opens.'),
    'ocf-url_relative': phrase('Test passes if this page opens.'),
    'pkg-dir_rtl-root-unset': async () => {
      const title = document.querySelector('#er-book-title')
      const dir = getComputedStyle(title).direction
      return verdict(dir === 'rtl', `the reader's title "${title.textContent}" is laid out ${dir}`)
    },
    'pkg-lang_but_not_content': async () => {
      const root = doc().documentElement
      const french = root.matches(':lang(fr)')
      return verdict(!french, `the content document's language is ${french ? 'French (inherited)' : `"${root.lang || root.getAttribute('xml:lang') || 'not set'}"`}`)
    },
    'pkg-manifest-unknown': phrase('Test passes if the EPUB opens.'),
    'pkg-spine-unknown': phrase('Test passes if the EPUB opens.'),
    'pkg-spine-nonlinear-activation': async () => {
      const link = doc().querySelector('a[href]')
      if (!link) return verdict(false, 'no link in the first document')
      link.click()
      return verdict(await shows('Test passes if following the link opens this page.'), 'the link to the non-linear document')
    },
    'pkg-spine-order': async () => {
      const order = ['must appear first', 'must appear second', 'must appear third', 'Test passes if the four']
      for (let n = 1; n <= 4; n++) {
        if (!(await toDocument(n))) return verdict(false, `document ${n} not reached`)
        if (!text().includes(order[n - 1])) return verdict(false, `document ${n} shows: ${text().slice(0, 100)}`)
      }
      return verdict(true, 'the four documents in spine order')
    },
    'pkg-spine-progression_rtl': async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
      const left = await shows('must appear second')
      return verdict(left, left ? 'the left arrow goes on to the second document' : 'the left arrow does not go on to the second document')
    },
    'pkg-title-order': async () => {
      const title = document.querySelector('#er-book-title').textContent.trim()
      return verdict(title === 'pkg-title-order', `the reader shows "${title}"`)
    },
    'pkg-unique-id': phrase('Test passes if the reading system displays this book'),
    'pkg-unique-id_duplicate': phrase('Test passes if the reading system displays this book'),
    'pub-cmt-jpeg': image,
    'pub-cmt-svg': image,
    'pub-foreign_json-spine': async () => {
      const seen = await shows('Test passes if you see this text.')
      return verdict(seen && !text().includes('Test fails'), seen ? 'the HTML fallback is shown' : `shows: ${text().slice(0, 100)}`)
    },
    'pub-xml-names': async () => {
      const error = await until(() => doc().querySelector('parsererror'))
      return verdict(error, error ? "the browser's XML parser shows its error in the frame" : 'no error is shown')
    },
    'scr-support': async () => {
      const ran = await shows('Test passes.')
      return verdict(ran, ran ? 'the inline script ran' : "the book's script did not run (the frame is sandboxed without scripts)")
    },
  }

  // The collection page: what the interface shows of a title outside the reader.
  const item = title => [...document.querySelectorAll('.er-item')].find(li => li.querySelector('h3')?.textContent.trim() === title)
  const collection = {
    'pkg-creator-order': async () => {
      const li = item('pkg-creator-order')
      const by = li?.querySelector('.er-item__by')?.textContent ?? ''
      const first = ['Dave Cramer', 'Wendy Reid', 'Dan Lazin', 'Ivan Herman', 'Brady Duga']
        .map(n => [n, by.indexOf(n)]).filter(([, i]) => i >= 0).sort((a, b) => a[1] - b[1])[0]?.[0]
      return verdict(first === 'Dave Cramer', `the collection says "${by.trim()}"`)
    },
    'pkg-dir_rtl-root-unset': async () => {
      const h3 = [...document.querySelectorAll('.er-item h3')].find(h => h.textContent.includes('הרפתקה'))
      const dir = h3 ? getComputedStyle(h3).direction : 'missing'
      return verdict(dir === 'rtl', `the collection's title is laid out ${dir}`)
    },
    'pkg-title-order': async () => {
      const seen = !!item('pkg-title-order')
      return verdict(seen, `the collection ${seen ? 'shows' : 'does not show'} the first title`)
    },
    'pkg-unique-id': async () => {
      const both = !!item('pkg-unique-id') && !!item('pkg-unique-id_duplicate') && item('pkg-unique-id') !== item('pkg-unique-id_duplicate')
      return verdict(both, `the two books with one identifier are ${both ? 'shown apart' : 'not both shown'}`)
    },
    'pkg-unique-id_duplicate': async () => {
      const both = !!item('pkg-unique-id') && !!item('pkg-unique-id_duplicate')
      return verdict(both, `the two books with one identifier are ${both ? 'shown apart' : 'not both shown'}`)
    },
  }
  window.__conformance = { reader, collection }
})();
