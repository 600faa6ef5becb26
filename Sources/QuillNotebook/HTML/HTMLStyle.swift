// The page's style sheet, inline in every page: system fonts only (no web fonts), a readable measure that narrows
// with the window, light and dark colours (prefers-color-scheme), and a print variant without backgrounds.

enum HTMLStyle {
    static let css = """
        :root {
          --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --border: #d1d9e0; --link: #0969da;
          --error: #cf222e; --error-bg: #ffebe9;
          --k: #cf222e; --b: #8250df; --s: #0a3069; --n: #0550ae; --c: #6e7781; --d: #953800;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --border: #3d444d; --link: #4493f8;
            --error: #ff7b72; --error-bg: #2d1214;
            --k: #ff7b72; --b: #d2a8ff; --s: #a5d6ff; --n: #79c0ff; --c: #8b949e; --d: #ffa657;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--fg); line-height: 1.6; font-size: 16px;
          font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", Helvetica, Arial, sans-serif;
        }
        main.notebook { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 1rem; }
        h1 { font-size: 2rem; border-bottom: 1px solid var(--border); padding-bottom: .3em; }
        h2 { font-size: 1.5rem; border-bottom: 1px solid var(--border); padding-bottom: .3em; }
        a { color: var(--link); }
        p, ul, ol, blockquote, table, pre, figure { margin: 0 0 1rem; }
        blockquote { margin-left: 0; padding: 0 1rem; color: var(--muted); border-left: .25em solid var(--border); }
        code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Noto Sans Mono CJK KR", Menlo, monospace; font-size: .875rem; }
        :not(pre) > code { background: var(--panel); padding: .15em .35em; border-radius: 4px; }
        pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .75rem 1rem;
              overflow-x: auto; line-height: 1.45; white-space: pre; }
        .cell { margin: 0 0 1.5rem; }
        .cell pre.source { border-left: 3px solid var(--link); }
        .cell pre.output { background: var(--bg); }
        .cell pre.error { color: var(--error); background: var(--error-bg); border-color: var(--error); white-space: pre-wrap; }
        .cell .not-run { color: var(--muted); font-style: italic; }
        .k { color: var(--k); font-weight: 600; } .b { color: var(--b); } .s { color: var(--s); }
        .n { color: var(--n); } .c { color: var(--c); font-style: italic; } .d { color: var(--d); }
        .table-wrap { overflow-x: auto; margin: 0 0 1rem; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .9rem; margin: 0; }
        th, td { border: 1px solid var(--border); padding: .3rem .65rem; text-align: left; vertical-align: top; }
        thead th { background: var(--panel); }
        th.num, td.num { text-align: right; }
        figure.figure { margin: 0 0 1rem; }
        figure.figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
        nav.toc { border: 1px solid var(--border); border-radius: 6px; padding: .5rem 1rem; margin: 0 0 2rem; font-size: .95rem; }
        nav.toc ol { margin: 0; padding-left: 1.25rem; }
        nav.toc li.sub { margin-left: 1.25rem; list-style-type: circle; }
        dl.params { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; font-size: .9rem; border-left: 3px solid var(--border); padding: .25rem .75rem; margin: 0 0 1.5rem; }
        dl.params dt { font-weight: 600; }
        dl.params dd { margin: 0; }
        img { max-width: 100%; }
        @media (max-width: 40rem) { main.notebook { padding: 1rem .75rem 3rem; } body { font-size: 15px; } }
        @media print {
          :root { --fg: #000; --muted: #333; --bg: #fff; --panel: #fff; --border: #999; --link: #000; }
          main.notebook { max-width: none; padding: 0; }
          nav.toc { display: none; }
          pre { white-space: pre-wrap; break-inside: avoid; }
          figure, table { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
        }

        """
}
