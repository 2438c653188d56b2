/// The one stylesheet, served at `/static/app.css`. No external assets; system fonts; colours chosen for
/// WCAG AA contrast; print styles for reports.
enum Stylesheet {
    static let css = """
        :root{--ink:#16202a;--muted:#4a5866;--line:#d5dbe1;--bg:#f5f7f9;--card:#fff;--brand:#1d4ed8;--brand-ink:#fff;
        --focus:#b45309;--danger:#b42318;--ok:#166534;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        *{box-sizing:border-box}body{margin:0;color:var(--ink);background:var(--bg);line-height:1.5;font-size:16px}
        a{color:var(--brand)}a:hover{text-decoration-thickness:2px}
        :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .skip-link{position:absolute;left:-999px;top:0;background:var(--ink);color:#fff;padding:.5rem 1rem;z-index:10}
        .skip-link:focus{left:0}
        .site-header{display:flex;flex-wrap:wrap;align-items:center;gap:1rem 2rem;padding:.75rem 1.5rem;background:var(--card);
        border-bottom:1px solid var(--line)}
        .brand{display:flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.2rem;color:var(--ink);text-decoration:none}
        .brand-mark{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:.5rem;background:var(--brand);color:#fff}
        .site-header nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
        .site-header nav a{text-decoration:none;font-weight:600;padding:.25rem .1rem}
        .site-header nav a[aria-current=page]{border-bottom:3px solid var(--brand)}
        .account{margin-left:auto;display:flex;align-items:center;gap:1rem}.role{color:var(--muted)}
        main{padding:1.5rem;margin:0 auto}main.narrow{max-width:72rem}main.wide{max-width:none}
        .site-footer{padding:1.5rem;color:var(--muted);font-size:.875rem;text-align:center}
        @media (max-width:600px){table.stack-on-phone,table.stack-on-phone tbody,table.stack-on-phone tr,
        table.stack-on-phone th,table.stack-on-phone td{display:block;width:100%;min-width:0}
        table.stack-on-phone thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.stack-on-phone tr{border:1px solid var(--line);border-radius:.5rem;margin:.5rem 0;padding:.25rem .5rem;background:var(--card)}
        table.stack-on-phone th,table.stack-on-phone td{border:none;padding:.35rem 0;white-space:normal}
        table.stack-on-phone td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
        table.stack-on-phone caption{display:block;text-align:left}}
        .needs-you{border-left:4px solid var(--brand)}.needs-you-item{margin:.35rem 0}
        .needs-you-item.unread a{font-weight:600}
        .language-menu{display:flex;flex-wrap:wrap;justify-content:center;align-items:center;gap:.5rem 1rem}
        .language-menu ul{list-style:none;display:flex;gap:1rem;padding:0;margin:0}
        .language-menu a{padding:.5rem .25rem;display:inline-block}
        .language-menu a[aria-current]{font-weight:700;color:var(--ink);text-decoration:none}
        .page-heading{margin-bottom:1.25rem}.page-heading h1{margin:.1rem 0;font-size:1.9rem;line-height:1.2}
        .eyebrow{margin:0;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em;font-size:.8rem}
        .lead{color:var(--muted);max-width:50rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.25rem;margin-bottom:1.25rem;
        box-shadow:0 1px 2px rgba(16,24,40,.05)}
        .card h2{margin-top:0;font-size:1.25rem}
        .card-grid,.stat-grid{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
        .login-card{max-width:28rem;margin:3rem auto}
        .field{display:flex;flex-direction:column;gap:.3rem;margin-bottom:1rem}
        label{font-weight:600}input,select,textarea{font:inherit;padding:.5rem .6rem;border:1px solid #8a96a3;border-radius:.4rem;
        background:#fff;color:var(--ink)}
        input[type=color]{width:3.5rem;height:2.5rem;padding:.2rem;cursor:pointer}
        fieldset{border:1px solid var(--line);border-radius:.5rem;margin:0 0 1rem;padding:.75rem}legend{font-weight:600}
        .choice-row{display:flex;flex-wrap:wrap;gap:.5rem 1rem}.choice{font-weight:500}
        .choice-column{display:flex;flex-direction:column;gap:.4rem}
        .filter-form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:1rem}
        .filter-form .field{margin-bottom:0;max-width:100%;min-width:0}.level-counts td{white-space:normal}
        .work-versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}.work-version h3{margin:.25rem 0}
        .swatch{display:inline-block;width:.75em;height:.75em;border-radius:2px;border:1px solid rgba(0,0,0,.35);margin-right:.3em;vertical-align:-.05em}
        .swatch-none{background:#fff;border-style:dashed}
        .level-choice{border:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
        fieldset.criterion{margin-bottom:1rem}
        .step-list{list-style:none;padding:0}.step h3{margin-top:0}.step-number{color:var(--muted)}
        .reasons{margin:.25rem 0 .75rem;padding-left:1.25rem}.tag-overdue{background:#fde8e7;color:#7a1c13}.tag-ready{background:#e3f1e6;color:#1d5a2c}
        .pathway-progress{display:block;width:100%;max-width:28rem;height:.75rem;margin-top:.35rem}
        .checkpoint-form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .next-panel ol{padding-left:1.25rem}.next-panel li{margin:.3rem 0}
        .student-nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1rem}
        .student-nav [aria-current]{font-weight:700}.conference-chart h3{font-size:1rem}
        .report-facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
        .report-facts dt{font-weight:600;margin:0}.report-facts dd{margin:0;grid-column:2}
        .reflection-answers p{margin:.2rem 0}
        .since-visit h3{font-size:1rem;margin:.75rem 0 .25rem}.change-list li{margin:.3rem 0}
        dl dt{font-weight:600;margin-top:.5rem}dl dd{margin:0 0 .25rem}
        .problems ol{padding-left:2.5rem}.problem-scroll{max-height:28rem;overflow:auto}.problem{margin:.25rem 0}
        .problem code{font-size:.875rem;background:#f1f4f7;padding:.05rem .3rem;border-radius:.25rem;overflow-wrap:anywhere}
        .problem.error strong{color:#7a1c13}.problem.warning strong{color:#6b4e00}
        .plain-list{list-style:none;padding:0}.plain-list li{padding:.35rem 0;border-bottom:1px solid var(--line)}
        .button{display:inline-block;font:inherit;font-weight:600;padding:.55rem 1rem;border-radius:.45rem;border:1px solid var(--brand);
        background:#fff;color:var(--brand);text-decoration:none;cursor:pointer;margin-right:.5rem}
        .button.primary{background:var(--brand);color:var(--brand-ink)}.button.small{padding:.3rem .6rem;font-size:.875rem}
        .button.danger{border-color:var(--danger);color:var(--danger)}.button.secondary{border-color:#8a96a3;color:var(--ink)}
        .link-button{background:none;border:none;color:var(--brand);font:inherit;font-weight:600;cursor:pointer;text-decoration:underline;padding:0}
        .notice{padding:.75rem 1rem;border-radius:.5rem;margin-bottom:1rem;font-weight:600}
        .notice-error{background:#fde8e7;color:#7a1c13;border:1px solid #f3b4ae}.notice-ok{background:#e7f6ec;color:#14532d;border:1px solid #a7dcb5}
        .muted{color:var(--muted)}.small{font-size:.875rem}.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .tag{display:inline-block;font-size:.75rem;font-weight:700;padding:.05rem .4rem;border-radius:1rem;background:#e8edf3;color:var(--ink);margin-left:.35rem}
        .tag-mastered{background:#dcf3e3;color:#14532d}
        .level{display:inline-flex;gap:.35rem;align-items:baseline;padding:.15rem .5rem;border-radius:.35rem;font-weight:600;
        font-size:.85rem;border:1px solid rgba(0,0,0,.18);white-space:nowrap}
        .level-value{font-variant-numeric:tabular-nums;font-weight:500}
        .level-none{background:#fff;color:var(--muted);border:1px dashed #8a96a3}
        .level-probability{background:#eef2f6;color:var(--ink)}
        .legend ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0;margin:.25rem 0 1rem}
        .legend-title{font-size:1rem;margin:0}
        .table-scroll{position:relative;overflow:auto;max-width:100%;border:1px solid var(--line);border-radius:.5rem;background:#fff;margin-bottom:1rem}
        .table-scroll:focus-visible{outline:3px solid var(--focus)}
        .gradebook-scroll{max-height:calc(100vh - 6rem)}
        table{border-collapse:separate;border-spacing:0;width:100%}caption{text-align:left;padding:.6rem .75rem;font-weight:600;color:var(--muted)}
        th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{background:#eef2f6;font-size:.85rem}
        .gradebook{width:auto;font-size:.9rem}.gradebook thead th{position:sticky;top:0;z-index:2}
        .gradebook thead tr:nth-child(2) th{top:2.4rem}
        .gradebook .student-col{position:sticky;left:0;background:#fff;z-index:1;min-width:12rem}
        .gradebook thead .student-col{z-index:3;background:#eef2f6}
        .gradebook tfoot th{position:sticky;left:0;background:#fff;z-index:1}
        .gradebook.compact .competency{min-width:0;writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;vertical-align:bottom;max-height:9rem}
        .gradebook.compact .competency .title,.gradebook.compact .level-value,.gradebook.compact .check,.gradebook.compact .level-counts{display:none}
        .gradebook.compact td{padding:.2rem}.gradebook.compact .level{display:block;padding:.1rem .3rem;text-align:center}
        .gradebook.compact .level-label{display:inline-block;font-size:0}.gradebook.compact .level-label::first-letter{font-size:.85rem}
        .gradebook.compact thead tr:nth-child(2) th{top:2.4rem}
        .gradebook .competency{min-width:7.5rem}.gradebook .competency .code{display:block;font-weight:700}
        .gradebook .competency .title{display:block;font-weight:400;color:var(--muted);font-size:.78rem;line-height:1.25}
        .gradebook .strand{text-align:center;border-left:2px solid var(--line)}
        .gradebook td a{text-decoration:none;display:inline-block}.gradebook .check{color:var(--ok);font-weight:700;margin-left:.25rem}
        .kind-habit .code{color:#6b21a8}
        .summary-line{display:block;white-space:nowrap;font-size:.82rem}
        .summary-list{list-style:none;padding:0;margin:.25rem 0 1rem}
        .tracker .code{font-weight:700}.tracker td{max-width:28rem}
        .evidence-list{padding-left:1.2rem}.comment{color:var(--muted)}
        .inline-form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.4rem 0}
        .button-row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.6rem 0 1rem}.button-row .inline-form{margin:0}
        .day-mods{list-style:none;padding:0}.day-mods .reasons{margin:.4rem 0 0;padding-left:1.2rem}
        .inline-choices{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
        .comparison tr.current{background:#eef4ff}
        .growth-chart{width:100%;max-width:40rem;height:auto}.growth-chart .grid{stroke:#d5dbe1}.growth-chart .axis{font-size:11px;fill:#4a5866}
        .growth-chart .threshold{stroke:#166534;stroke-dasharray:4 4}.growth-chart .running{fill:none;stroke:#1d4ed8;stroke-width:2.5}
        .growth-chart .score{fill:#fff;stroke:#16202a;stroke-width:2}
        .growth{margin:0}.chart-legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:center;color:var(--muted)}
        .chart-legend span{display:inline-block;margin-right:-.5rem}.legend-score{width:.7rem;height:.7rem;border:2px solid #16202a;border-radius:50%}
        .legend-running{width:1.4rem;height:0;border-top:3px solid #1d4ed8}.legend-threshold{width:1.4rem;height:0;border-top:2px dashed #166534}
        .growth-chart .threshold-label{fill:#166534;font-weight:600}
        .series .line{fill:none;stroke-width:2.5}.series .score{fill:#fff;stroke-width:2}
        .series-0 .line,.series-0 .score{stroke:#1d4ed8}.series-1 .line,.series-1 .score{stroke:#b45309}.series-1 .line{stroke-dasharray:7 4}
        .series-2 .line,.series-2 .score{stroke:#7e22ce}.series-2 .line{stroke-dasharray:2 3}
        .series-3 .line,.series-3 .score{stroke:#0f766e}.series-3 .line{stroke-dasharray:9 3 2 3}
        .chart-legend .legend-series{display:inline-flex;align-items:center;gap:.3rem;margin-right:.9rem}.legend-series svg{overflow:visible}
        .chart-choice{margin:.5rem 0 0}.chart-choice summary{cursor:pointer;color:var(--link,#1d4ed8);padding:.4rem 0}
        .chart-choice .inline-choices{display:flex;flex-direction:column;gap:.35rem}.chart-choice label{font-weight:400}
        .breadcrumb{margin:0 0 .5rem}
        select,input,textarea{max-width:100%}
        .sign-in-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}
        .sign-in-card{border:2px dashed #555;border-radius:.5rem;padding:1rem;text-align:center;break-inside:avoid;background:#fff}
        .sign-in-card .card-name{font-size:1.4rem;font-weight:700;margin:0 0 .5rem}
        .sign-in-card svg.qr{width:100%;max-width:12rem;height:auto}
        .row-form{display:inline-block;margin:0 .25rem .25rem 0}
        .scoring-layout{display:grid;grid-template-columns:minmax(0,14rem) minmax(0,1fr);gap:1.5rem;align-items:start}
        .class-list{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow-y:auto}.class-list h2{font-size:1rem}
        .class-list ol{padding-left:2.2rem;margin:0}.class-list li{padding:.15rem 0}.class-list a[aria-current]{font-weight:700}
        @media (max-width:700px){.scoring-layout{grid-template-columns:1fr}.class-list{position:static;max-height:12rem}}
        .criterion{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .8rem;padding:.4rem .8rem;min-width:0;background:var(--card)}
        .level-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.4rem}
        .level-option{display:block;border:1px solid var(--line);border-radius:.4rem;padding:.4rem;font-size:.9rem;font-weight:400}
        .level-option:has(input:checked){border-color:var(--focus);background:#eef4ff}
        .save-bar{position:sticky;bottom:0;background:#fff;border-top:1px solid var(--line);padding:.6rem 0;display:flex;flex-wrap:wrap;gap:.5rem;z-index:2}
        .needs-you-list{list-style:none;padding:0;margin:.5rem 0 0}.needs-you-list li{padding:.15rem 0}
        .hand-in{display:grid;gap:.4rem;margin:.4rem 0;max-width:32rem}.hand-in .field{margin:0}.hand-in textarea{width:100%}
        .plain-list li.work-entry{padding:1rem;margin:0 0 1rem}.work-files li{border:none}
        .work-summary{margin:.4rem 0}.work-text{white-space:pre-wrap;overflow-wrap:anywhere}.work-files{padding-left:1.2rem;overflow-wrap:anywhere}
        .work-review{border-left:4px solid #166534;padding:.2rem .8rem;margin:.5rem 0;background:#f0fdf4}
        .work-photos{display:flex;flex-wrap:wrap;gap:.5rem}.work-photos img{max-width:100%;max-height:24rem;border:1px solid var(--line)}
        .level-choice{border:1px solid var(--line);border-radius:.5rem;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
        .level-choice label{white-space:nowrap;padding:.2rem 0}
        .check-list{max-height:16rem;overflow-y:auto;border:1px solid var(--line);border-radius:.5rem;padding:.4rem .6rem;margin:.3rem 0}
        .check-list label{display:block;padding:.15rem 0}
        .item-fields{border:1px solid var(--line);border-radius:.5rem;padding:.6rem 1rem;margin:.6rem 0}
        .item-fields,.item-fields fieldset,.level-choice,.check-list{min-width:0}.check-list label,.level-choice label{overflow-wrap:anywhere}
        .sso-buttons{display:grid;gap:.5rem;margin-bottom:1rem}.sso-buttons .button{text-align:center}
        .grades-table td{vertical-align:top}.grade-cell strong{font-size:1.25rem}.override-form{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center}
        .override-form input[name=reason]{min-width:10rem}.comment-form textarea{width:100%;min-width:12rem}.report-comment{white-space:pre-line}.warning{color:#8a3b00}
        .report-card .report-school{font-weight:600;margin:0}.report-grade{font-size:1.15rem}.report-table{width:100%;margin-top:.75rem;table-layout:fixed}.report-table thead th:first-child{width:40%}.report-table thead th:nth-child(2){width:7.5rem}
        .report-table caption{text-align:left;font-weight:600}.report-table th,.report-table td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #ddd;overflow-wrap:anywhere}
        @media screen and (max-width:600px){.report-table thead{position:absolute;left:-9999px}.report-table tr{display:block;border-bottom:1px solid #ddd;padding:.35rem 0}.report-table th,.report-table td{display:block;border:none;padding:.1rem 0}}
        @media print{.report-card{break-after:page;break-inside:auto;padding:0;margin:0;font-size:8.5pt;line-height:1.2}.report-table thead th:first-child{width:34%}.report-table thead th:nth-child(2){width:6.5rem}.report-card:last-child{break-after:auto}.report-table tr{break-inside:avoid}
        .report-card h2{font-size:13pt;margin:.15rem 0}.report-card p{margin:.1rem 0}.report-table{margin-top:.35rem}.report-table th,.report-table td{padding:1px 4px}}
        @media print{.site-header,.site-footer,.skip-link,form,.button,.student-nav,.print-hint,.no-print{display:none}body{background:#fff}.card{box-shadow:none;break-inside:avoid}
        .conference .card{break-inside:auto;padding:.5rem .75rem;margin-bottom:.5rem}
        main:has(a[href$="/backpack.json"]) .card:not(.stat){break-inside:auto}main:has(a[href$="/backpack.json"]) h2{break-after:avoid}main:has(a[href$="/backpack.json"]) tr{break-inside:avoid}.conference h2,.conference h3{break-after:avoid}
        .conference-charts{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}.conference-chart{break-inside:avoid}
        .conference-chart h3{font-size:.85rem}
        .table-scroll{overflow:visible;border:none}.gradebook-scroll{max-height:none}
        .filter-form,.button-row{display:none}
        @page wide{size:landscape;margin:8mm}main:has(#gradebook){page:wide}
        .gradebook{width:100%;table-layout:fixed;font-size:6.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .gradebook th,.gradebook td{padding:1px 2px;position:static;min-width:0;overflow:hidden}
        .gradebook .student-col{width:11em;min-width:0;position:static;white-space:nowrap}
        .gradebook .competency{min-width:0;height:6em;writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;vertical-align:bottom}
        .gradebook .competency .title,.gradebook .level-value,.gradebook .check,.gradebook .level-counts{display:none}
        .gradebook thead tr:first-child th:last-child,.gradebook td.summary,.gradebook tfoot td:last-child{display:none}
        .gradebook .level{display:block;padding:0;text-align:center;border-radius:2px}
        .gradebook .level-label{display:inline-block;width:1.1ch;overflow:hidden;white-space:nowrap;vertical-align:bottom}
        .gradebook tr{break-inside:avoid}.gradebook .strand{font-size:6pt;white-space:nowrap}}
        """
}
