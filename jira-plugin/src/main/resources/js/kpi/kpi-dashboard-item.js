/*
 * Fail Forward - culture KPIs dashboard item (AMD module failforward/kpi-dashboard-item).
 *
 * Jira's dashboard-item contract: the module is a constructor DashboardItem(API, options) with render(element, prefs)
 * and, since the item is configurable, renderEdit(element, prefs). Preferences are strings (Jira stores strings):
 *   project      comma-separated project keys, or empty (all projects the user can browse)
 *   filter       a saved filter id, or empty (project and filter are exclusive)
 *   months       6, 12, 24 or 36 (default 12): from months-1 months before the current month to the current month
 *   granularity  month | quarter (default month)
 *   kpis         comma-separated KPI keys (default DEFAULT_KPIS)
 *   view         chart | table (default chart)
 * The view reads GET /rest/failforward/1.0/kpis and draws one card per KPI with Chart.js (failforward/chart) or, in
 * table view, an accessible table. Data only ever reaches the page through textContent and Chart.js' canvas.
 *
 * For the browser tests the item's root node carries data-state (loading|error|forbidden|empty|ready|edit) and, once
 * the charts are drawn, data-charts-drawn; each card carries data-kpi.
 *
 * Messages with {0} placeholders are read with a single literal argument (what the jsI18n transformer replaces) and
 * filled in by format() here.
 */
define('failforward/kpi-dashboard-item', ['jquery', 'failforward/dashboard-kit', 'failforward/chart'], function ($, kit, Chart) {
    'use strict';

    var el = kit.el;
    var format = kit.format;
    var nodeOf = kit.nodeOf;
    var locale = kit.locale;
    var baseUrl = kit.baseUrl;
    var message = kit.message;

    var REST_PATH = '/rest/failforward/1.0/kpis';
    var MONTH_CHOICES = [6, 12, 24, 36];
    var DEFAULT_MONTHS = 12;
    // KPIS and DEFAULT_KPIS follow the KPI catalogue (dev.failforward.core.kpi.Kpi: order, name keys, shownByDefault);
    // KpiCatalogueTest fails when they drift. The i18n keys stay literal for the jsI18n transformer.
    var DEFAULT_KPIS = ['experiments_started', 'reporting_time_median', 'reporting_time_p90', 'recurrence_rate', 'sharing_score'];
    var PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
    var FILTER_ID = /^[0-9]+$/;
    var CHART_COLOURS = ['#0052CC', '#36B37E', '#FFAB00', '#FF5630', '#6554C0', '#00B8D9', '#97A0AF', '#172B4D'];
    var PARTIAL_ALPHA = 0.35;

    /** Every KPI the REST API knows, in the order the edit form lists them, with its name before any data is loaded. */
    var KPIS = [
        {key: 'experiments_started', name: AJS.I18n.getText('failforward.kpi.experiments_started.name')},
        {key: 'hypotheses_tested', name: AJS.I18n.getText('failforward.kpi.hypotheses_tested.name')},
        {key: 'reporting_time_median', name: AJS.I18n.getText('failforward.kpi.reporting_time_median.name')},
        {key: 'reporting_time_p90', name: AJS.I18n.getText('failforward.kpi.reporting_time_p90.name')},
        {key: 'time_to_resolve', name: AJS.I18n.getText('failforward.kpi.time_to_resolve.name')},
        {key: 'time_to_insight', name: AJS.I18n.getText('failforward.kpi.time_to_insight.name')},
        {key: 'twenty_four_hour_compliance', name: AJS.I18n.getText('failforward.kpi.twenty_four_hour_compliance.name')},
        {key: 'recurrence_rate', name: AJS.I18n.getText('failforward.kpi.recurrence_rate.name')},
        {key: 'sharing_score', name: AJS.I18n.getText('failforward.kpi.sharing_score.name')},
        {key: 'actions_opened', name: AJS.I18n.getText('failforward.kpi.actions_opened.name')},
        {key: 'actions_closed', name: AJS.I18n.getText('failforward.kpi.actions_closed.name')},
        {key: 'actions_verified_effective', name: AJS.I18n.getText('failforward.kpi.actions_verified_effective.name')},
        {key: 'follow_ups_effective_on_time', name: AJS.I18n.getText('failforward.kpi.follow_ups_effective_on_time.name')},
        {key: 'huddles_held', name: AJS.I18n.getText('failforward.kpi.huddles_held.name')},
        {key: 'award_nominations', name: AJS.I18n.getText('failforward.kpi.award_nominations.name')},
        {key: 'award_voters', name: AJS.I18n.getText('failforward.kpi.award_voters.name')},
        {key: 'team_learning_index', name: AJS.I18n.getText('failforward.kpi.team_learning_index.name')},
        {key: 'failure_type_mix', name: AJS.I18n.getText('failforward.kpi.failure_type_mix.name')},
        {key: 'failure_category_mix', name: AJS.I18n.getText('failforward.kpi.failure_category_mix.name')}
    ];

    var TEXT = {
        title: AJS.I18n.getText('failforward.dashboard.kpi.title'),
        titleProjects: AJS.I18n.getText('failforward.dashboard.kpi.title.projects'),
        titleFilter: AJS.I18n.getText('failforward.dashboard.kpi.title.filter'),
        titleAll: AJS.I18n.getText('failforward.dashboard.kpi.title.all'),
        loading: AJS.I18n.getText('failforward.dashboard.kpi.loading'),
        errorTitle: AJS.I18n.getText('failforward.dashboard.kpi.error.title'),
        errorGeneric: AJS.I18n.getText('failforward.dashboard.kpi.error.generic'),
        retry: AJS.I18n.getText('failforward.dashboard.kpi.retry'),
        loginTitle: AJS.I18n.getText('failforward.dashboard.kpi.forbidden.login'),
        loginLink: AJS.I18n.getText('failforward.dashboard.kpi.forbidden.login.link'),
        forbiddenTitle: AJS.I18n.getText('failforward.dashboard.kpi.forbidden.title'),
        forbiddenGeneric: AJS.I18n.getText('failforward.dashboard.kpi.forbidden.generic'),
        emptyTitle: AJS.I18n.getText('failforward.dashboard.kpi.empty.title'),
        emptyText: AJS.I18n.getText('failforward.dashboard.kpi.empty.text'),
        emptyConfigure: AJS.I18n.getText('failforward.dashboard.kpi.empty.configure'),
        better: AJS.I18n.getText('failforward.dashboard.kpi.trend.better'),
        worse: AJS.I18n.getText('failforward.dashboard.kpi.trend.worse'),
        flat: AJS.I18n.getText('failforward.dashboard.kpi.trend.flat'),
        unknown: AJS.I18n.getText('failforward.dashboard.kpi.trend.unknown'),
        valueNone: AJS.I18n.getText('failforward.dashboard.kpi.value.none'),
        recurrencePending: AJS.I18n.getText('failforward.kpi.js.recurrence.pending'),
        recurrencePendingNone: AJS.I18n.getText('failforward.kpi.js.recurrence.pending.none'),
        valuePeriod: AJS.I18n.getText('failforward.dashboard.kpi.value.period'),
        hours: AJS.I18n.getText('failforward.dashboard.kpi.unit.hours'),
        chartLabel: AJS.I18n.getText('failforward.dashboard.kpi.chart.label'),
        notePartial: AJS.I18n.getText('failforward.dashboard.kpi.note.partial'),
        noteHidden: AJS.I18n.getText('failforward.dashboard.kpi.note.hidden'),
        noteOpen: AJS.I18n.getText('failforward.dashboard.kpi.note.open'),
        search: AJS.I18n.getText('failforward.dashboard.kpi.search'),
        showTable: AJS.I18n.getText('failforward.dashboard.kpi.toggle.table'),
        showChart: AJS.I18n.getText('failforward.dashboard.kpi.toggle.chart'),
        period: AJS.I18n.getText('failforward.dashboard.kpi.table.period'),
        value: AJS.I18n.getText('failforward.dashboard.kpi.table.value'),
        sampleSize: AJS.I18n.getText('failforward.dashboard.kpi.table.sample'),
        partialPeriod: AJS.I18n.getText('failforward.dashboard.kpi.table.partial'),
        noData: AJS.I18n.getText('failforward.dashboard.kpi.table.nodata'),
        hidden: AJS.I18n.getText('failforward.dashboard.kpi.table.hidden'),
        scope: AJS.I18n.getText('failforward.dashboard.kpi.edit.scope'),
        scopeProjects: AJS.I18n.getText('failforward.dashboard.kpi.edit.scope.projects'),
        scopeFilter: AJS.I18n.getText('failforward.dashboard.kpi.edit.scope.filter'),
        projectLabel: AJS.I18n.getText('failforward.dashboard.kpi.edit.project'),
        projectHelp: AJS.I18n.getText('failforward.dashboard.kpi.edit.project.description'),
        projectInvalid: AJS.I18n.getText('failforward.dashboard.kpi.edit.project.invalid'),
        filterLabel: AJS.I18n.getText('failforward.dashboard.kpi.edit.filter'),
        filterHelp: AJS.I18n.getText('failforward.dashboard.kpi.edit.filter.description'),
        filterInvalid: AJS.I18n.getText('failforward.dashboard.kpi.edit.filter.invalid'),
        monthsLabel: AJS.I18n.getText('failforward.dashboard.kpi.edit.months'),
        monthsOption: AJS.I18n.getText('failforward.dashboard.kpi.edit.months.option'),
        granularityLabel: AJS.I18n.getText('failforward.dashboard.kpi.edit.granularity'),
        month: AJS.I18n.getText('failforward.dashboard.kpi.edit.granularity.month'),
        quarter: AJS.I18n.getText('failforward.dashboard.kpi.edit.granularity.quarter'),
        kpisLabel: AJS.I18n.getText('failforward.dashboard.kpi.edit.kpis'),
        kpisRequired: AJS.I18n.getText('failforward.dashboard.kpi.edit.kpis.required'),
        save: AJS.I18n.getText('failforward.dashboard.kpi.edit.save'),
        cancel: AJS.I18n.getText('failforward.dashboard.kpi.edit.cancel')
    };

    var instances = 0;

    // ---------------------------------------------------------------------------------------------------------------
    // small helpers

    function splitList(value) {
        return String(value || '').split(',').map(function (part) {
            return part.trim();
        }).filter(function (part) {
            return part.length > 0;
        });
    }

    function kpiName(key) {
        for (var i = 0; i < KPIS.length; i++) {
            if (KPIS[i].key === key) {
                return KPIS[i].name;
            }
        }
        return key;
    }

    function isKnownKpi(key) {
        return KPIS.some(function (kpi) {
            return kpi.key === key;
        });
    }

    function pad(number) {
        return (number < 10 ? '0' : '') + number;
    }

    /** YYYY-MM of the month `offset` months from the current (browser-local) month. */
    function monthKey(offset) {
        var now = new Date();
        var date = new Date(now.getFullYear(), now.getMonth() + offset, 1);
        return date.getFullYear() + '-' + pad(date.getMonth() + 1);
    }

    function faded(hex) {
        var n = parseInt(hex.slice(1), 16);
        return 'rgba(' + (n >> 16 & 255) + ', ' + (n >> 8 & 255) + ', ' + (n & 255) + ', ' + PARTIAL_ALPHA + ')';
    }

    // ---------------------------------------------------------------------------------------------------------------
    // preferences

    /** The stored (string) preferences as values; anything unknown or malformed falls back to its default. */
    function readPreferences(raw) {
        var prefs = raw || {};
        var filter = String(prefs.filter || '').trim();
        var months = Number(prefs.months);
        var kpis = splitList(prefs.kpis).filter(isKnownKpi);
        return {
            configured: Object.prototype.hasOwnProperty.call(prefs, 'kpis'),
            projects: FILTER_ID.test(filter) ? [] : splitList(prefs.project).map(function (key) {
                return key.toUpperCase();
            }).filter(function (key) {
                return PROJECT_KEY.test(key);
            }),
            filter: FILTER_ID.test(filter) ? filter : '',
            months: MONTH_CHOICES.indexOf(months) >= 0 ? months : DEFAULT_MONTHS,
            granularity: prefs.granularity === 'quarter' ? 'quarter' : 'month',
            kpis: kpis.length ? kpis : DEFAULT_KPIS.slice(),
            view: prefs.view === 'table' ? 'table' : 'chart'
        };
    }

    /** Back to the strings Jira stores. */
    function toStoredPreferences(prefs) {
        return {
            project: prefs.projects.join(','),
            filter: prefs.filter,
            months: String(prefs.months),
            granularity: prefs.granularity,
            kpis: prefs.kpis.join(','),
            view: prefs.view
        };
    }

    function queryString(prefs) {
        var params = [];
        if (prefs.filter) {
            params.push('filter=' + encodeURIComponent(prefs.filter));
        } else {
            prefs.projects.forEach(function (key) {
                params.push('project=' + encodeURIComponent(key));
            });
        }
        params.push('from=' + monthKey(-(prefs.months - 1)), 'to=' + monthKey(0), 'granularity=' + prefs.granularity);
        prefs.kpis.forEach(function (key) {
            params.push('kpi=' + encodeURIComponent(key));
        });
        return params.join('&');
    }

    function titleFor(prefs, data) {
        if (prefs.filter) {
            var name = data && data.filter && data.filter.name ? data.filter.name : prefs.filter;
            return format(TEXT.titleFilter, name);
        }
        var projects = data && data.projects && data.projects.length ? data.projects : prefs.projects;
        return projects.length ? format(TEXT.titleProjects, projects.join(', ')) : TEXT.titleAll;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // values

    function formatValue(unit, value) {
        if (value === null || value === undefined) {
            return '';
        }
        if (unit === 'hours') {
            return format(TEXT.hours, Number(value).toLocaleString(locale(), {minimumFractionDigits: 1, maximumFractionDigits: 1}));
        }
        if (unit === 'share') {
            return Number(value).toLocaleString(locale(), {style: 'percent', maximumFractionDigits: 0});
        }
        if (unit === 'ratio') {
            return Number(value).toLocaleString(locale(), {minimumFractionDigits: 2, maximumFractionDigits: 2});
        }
        return Math.round(Number(value)).toLocaleString(locale());
    }

    /** The KPI's points (or one series' points) lined up with the response's periods; missing ones count as no data. */
    function alignedPoints(periods, points) {
        var byPeriod = {};
        (points || []).forEach(function (point) {
            byPeriod[point.period] = point;
        });
        return periods.map(function (period) {
            var point = byPeriod[period.key] || {period: period.key, value: null, status: 'no_data', sampleSize: 0};
            return {
                period: period,
                value: point.status === 'value' && point.value !== null && point.value !== undefined ? Number(point.value) : null,
                status: point.status,
                sampleSize: point.sampleSize,
                partial: Boolean(period.partial || point.partial)
            };
        });
    }

    /** [{key, name, points}] for a mix, or one unnamed series for a plain KPI. */
    function seriesOf(kpi, periods) {
        if (kpi.series) {
            return kpi.series.map(function (series) {
                return {key: series.key, name: series.name, points: alignedPoints(periods, series.points)};
            });
        }
        return [{key: kpi.key, name: kpi.name, points: alignedPoints(periods, kpi.points)}];
    }

    function hasAnyValue(kpi) {
        var all = kpi.series ? kpi.series.reduce(function (points, series) {
            return points.concat(series.points || []);
        }, []) : (kpi.points || []);
        return all.some(function (point) {
            return point.status === 'value' && point.value !== null && point.value !== undefined;
        });
    }

    /** {value, label} of the last complete period that has a value (a mix: the total of its series), or null. */
    function lastValue(series) {
        for (var i = series[0].points.length - 1; i >= 0; i--) {
            var point = series[0].points[i];
            if (point.partial) {
                continue;
            }
            var values = series.map(function (s) {
                return s.points[i].value;
            }).filter(function (value) {
                return value !== null;
            });
            if (values.length) {
                return {
                    value: values.reduce(function (sum, value) {
                        return sum + value;
                    }, 0),
                    label: point.period.label
                };
            }
        }
        return null;
    }

    function trendBadge(kpi) {
        if (kpi.direction === 'neutral' || kpi.trend === 'not_rated' || !kpi.trend) {
            return null;
        }
        var looks = {
            better: ['aui-lozenge-success', TEXT.better],
            worse: ['aui-lozenge-error', TEXT.worse],
            flat: ['aui-lozenge-subtle', TEXT.flat]
        }[kpi.trend] || ['aui-lozenge-subtle', TEXT.unknown];
        var badge = el('span', 'aui-lozenge ' + looks[0] + ' ff-kpi-trend', looks[1]);
        badge.setAttribute('data-trend', kpi.trend);
        return badge;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // charts and tables

    function chartConfig(kpi, series, periods) {
        var mix = Boolean(kpi.series);
        var type = mix || kpi.unit === 'count' ? 'bar' : 'line';
        var datasets = series.map(function (s, index) {
            var colour = CHART_COLOURS[index % CHART_COLOURS.length];
            var perPoint = s.points.map(function (point) {
                return point.partial ? faded(colour) : colour;
            });
            var dataset = {
                label: s.name,
                data: s.points.map(function (point) {
                    return point.value;
                }),
                backgroundColor: perPoint,
                borderColor: perPoint
            };
            if (type === 'line') {
                dataset.borderColor = colour;
                dataset.pointBackgroundColor = perPoint;
                dataset.pointBorderColor = perPoint;
                dataset.pointRadius = 3;
                dataset.spanGaps = false; // hidden and empty periods stay gaps
                dataset.tension = 0;
                dataset.segment = {
                    borderDash: function (ctx) {
                        return s.points[ctx.p1DataIndex] && s.points[ctx.p1DataIndex].partial ? [6, 4] : undefined;
                    },
                    borderColor: function (ctx) {
                        return s.points[ctx.p1DataIndex] && s.points[ctx.p1DataIndex].partial ? faded(colour) : undefined;
                    }
                };
            } else {
                dataset.borderWidth = 1;
                dataset.maxBarThickness = 28;
            }
            return dataset;
        });
        var yTicks = {precision: kpi.unit === 'count' ? 0 : undefined};
        if (kpi.unit === 'share') {
            yTicks.callback = function (value) {
                return formatValue('share', value);
            };
        }
        return {
            type: type,
            data: {
                labels: periods.map(function (period) {
                    return period.label;
                }),
                datasets: datasets
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: {
                    legend: {display: mix, position: 'bottom', labels: {boxWidth: 10, boxHeight: 10}},
                    tooltip: {
                        callbacks: {
                            label: function (ctx) {
                                return (mix ? ctx.dataset.label + ': ' : '') + formatValue(kpi.unit, ctx.parsed.y);
                            }
                        }
                    }
                },
                scales: {
                    x: {stacked: mix, ticks: {autoSkip: true, maxRotation: 0}, grid: {display: false}},
                    y: {stacked: mix, beginAtZero: true, max: kpi.unit === 'share' ? 1 : undefined, ticks: yTicks}
                }
            }
        };
    }

    function cellText(unit, point) {
        if (point.status === 'not_enough_answers' || point.status === 'period_open') {
            return TEXT.hidden;
        }
        return point.value === null ? TEXT.noData : formatValue(unit, point.value);
    }

    function kpiTable(kpi, series, periods) {
        var mix = Boolean(kpi.series);
        var node = el('table', 'aui ff-kpi-table');
        node.appendChild(el('caption', null, kpi.name));
        var head = el('thead');
        var headRow = el('tr');
        var columns = [TEXT.period].concat(mix ? series.map(function (s) {
            return s.name;
        }) : [TEXT.value, TEXT.sampleSize]);
        columns.forEach(function (name) {
            var th = el('th', null, name);
            th.setAttribute('scope', 'col');
            headRow.appendChild(th);
        });
        head.appendChild(headRow);
        node.appendChild(head);
        var body = el('tbody');
        periods.forEach(function (period, i) {
            var row = el('tr', series[0].points[i].partial ? 'ff-kpi-partial' : null);
            var th = el('th', null, series[0].points[i].partial ? format(TEXT.partialPeriod, period.label) : period.label);
            th.setAttribute('scope', 'row');
            row.appendChild(th);
            if (mix) {
                series.forEach(function (s) {
                    row.appendChild(el('td', null, cellText(kpi.unit, s.points[i])));
                });
            } else {
                var point = series[0].points[i];
                row.appendChild(el('td', null, cellText(kpi.unit, point)));
                row.appendChild(el('td', null, point.sampleSize === null || point.sampleSize === undefined ? '' : String(point.sampleSize)));
            }
            body.appendChild(row);
        });
        node.appendChild(body);
        var wrap = el('div', 'ff-kpi-table-wrap');
        wrap.appendChild(node);
        return wrap;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // messages




    // ---------------------------------------------------------------------------------------------------------------
    // the dashboard item

    function DashboardItem(API, options) {
        this.API = API;
        this.options = options || {};
        this.charts = [];
        this.loads = 0; // a render() or renderEdit() makes earlier responses stale
        this.id = 'ff-kpi-' + (++instances);
    }

    DashboardItem.prototype.render = function (element, preferences) {
        var prefs = readPreferences(preferences);
        if (!prefs.configured && this.API.isEditable()) {
            this.renderEdit(element, preferences); // Jira convention: a new item opens its settings first
            return;
        }
        var root = nodeOf(element);
        var query = queryString(prefs);
        // our own "Show as table/chart" saved the view and Jira renders again: same data, nothing to fetch
        if (this.savedView && this.data && this.query === query && prefs.view === this.savedView) {
            this.savedView = null;
            this.prefs = prefs;
            this.view = prefs.view;
            if (root !== this.root || root.getAttribute('data-state') !== 'ready') {
                this.root = root;
                this.showData(this.data);
            } // else: already showing this view, and the toggle keeps its focus
            return;
        }
        this.savedView = null;
        this.root = root;
        this.prefs = prefs;
        this.view = prefs.view;
        this.query = query;
        this.load();
    };

    DashboardItem.prototype.load = function () {
        var self = this;
        this.data = null;
        this.API.setTitle(titleFor(this.prefs, null));
        kit.load(this, {
            url: REST_PATH + '?' + this.query, loadingClass: 'ff-kpi-loading', texts: TEXT, retryClass: 'ff-kpi-retry',
            isData: function (body) {
                return Boolean(body.kpis);
            },
            ok: function (body) {
                self.API.setTitle(titleFor(self.prefs, body));
                if (body.kpis.some(hasAnyValue)) {
                    self.data = body;
                    self.showData(body);
                } else {
                    self.showEmpty(body);
                }
            },
            retry: function () {
                self.load();
            }
        });
    };

    /** Clears the root (and its charts) for a new state. */
    DashboardItem.prototype.reset = function (state) {
        this.destroyCharts();
        var root = this.root;
        root.textContent = '';
        root.classList.add('ff-kpi-item');
        root.removeAttribute('data-charts-drawn');
        root.setAttribute('data-state', state);
    };

    DashboardItem.prototype.destroyCharts = function () {
        this.charts.forEach(function (chart) {
            chart.destroy();
        });
        this.charts = [];
    };

    DashboardItem.prototype.showEmpty = function (data) {
        var self = this;
        this.reset('empty');
        var periods = data.periods || [];
        var from = periods.length ? periods[0].label : data.from;
        var to = periods.length ? periods[periods.length - 1].label : data.to;
        var box = message('info', TEXT.emptyTitle, format(TEXT.emptyText, from, to));
        if (this.API.isEditable()) {
            var configure = el('button', 'aui-button aui-button-link ff-kpi-configure', TEXT.emptyConfigure);
            configure.type = 'button';
            configure.addEventListener('click', function () {
                self.editFromView = true;
                self.renderEdit(self.root, toStoredPreferences(self.prefs));
            });
            box.appendChild(configure);
        }
        this.root.appendChild(box);
        this.API.resize();
    };

    DashboardItem.prototype.showData = function (data) {
        var self = this;
        var periods = data.periods || [];
        var asTable = this.view === 'table';
        this.reset('loading'); // "ready" only once the charts are drawn
        var root = this.root;

        var toolbar = el('div', 'ff-kpi-toolbar');
        var toggle = el('button', 'aui-button ff-kpi-toggle', asTable ? TEXT.showChart : TEXT.showTable);
        toggle.type = 'button';
        toggle.setAttribute('aria-pressed', String(asTable));
        toggle.addEventListener('click', function () {
            self.toggleView();
        });
        toolbar.appendChild(toggle);
        root.appendChild(toolbar);

        var grid = el('div', 'ff-kpi-grid');
        var charts = [];
        data.kpis.forEach(function (kpi) {
            var result = self.card(kpi, periods, data, asTable);
            grid.appendChild(result.card);
            if (result.chart) {
                charts.push(result.chart);
            }
        });
        root.appendChild(grid);

        // canvases must be in the document before Chart.js measures them
        charts.forEach(function (chart) {
            self.charts.push(new Chart(chart.canvas, chart.config));
        });
        root.setAttribute('data-charts-drawn', String(this.charts.length));
        root.setAttribute('data-state', 'ready');
        this.API.resize();
        return toggle;
    };

    /**
     * Next to the recurrence rate: how many "Recurrence of …?" suggestions in the gadget's projects await a decision
     * (they are not in the rate until someone confirms them). Loaded on its own; the card never waits for it.
     */
    DashboardItem.prototype.pendingRecurrences = function () {
        var note = el('p', 'ff-kpi-pending');
        note.setAttribute('data-ff-pending', '');
        var query = (this.prefs.projects || []).map(function (key) {
            return 'project=' + encodeURIComponent(key);
        }).join('&');
        fetch(baseUrl() + '/rest/failforward/1.0/recurrence/pending' + (query ? '?' + query : ''), {
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'}
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (body) {
            if (body && typeof body.pending === 'number') {
                note.setAttribute('data-ff-pending', String(body.pending));
                note.textContent = body.pending ? format(TEXT.recurrencePending, body.pending) : TEXT.recurrencePendingNone;
            }
        }, function () {
            // the count is extra; the rate stands without it
        });
        return note;
    };

    /** One KPI card: {card, chart: {canvas, config} or null in table view}. */
    DashboardItem.prototype.card = function (kpi, periods, data, asTable) {
        var series = seriesOf(kpi, periods);
        var name = kpi.name || kpiName(kpi.key);
        var card = el('section', 'ff-kpi-card');
        card.setAttribute('data-kpi', kpi.key);

        var header = el('div', 'ff-kpi-card-header');
        header.appendChild(el('h3', 'ff-kpi-name', name));
        var badge = trendBadge(kpi);
        if (badge) {
            header.appendChild(badge);
        }
        card.appendChild(header);
        if (kpi.description) {
            card.appendChild(el('small', 'ff-kpi-description', kpi.description));
        }

        var last = lastValue(series);
        var value = el('p', 'ff-kpi-value');
        if (last) {
            value.appendChild(el('span', 'ff-kpi-value-number', formatValue(kpi.unit, last.value)));
            value.appendChild(el('span', 'ff-kpi-value-period', format(TEXT.valuePeriod, last.label)));
        } else {
            value.appendChild(el('span', 'ff-kpi-value-none', TEXT.valueNone));
        }
        card.appendChild(value);
        if (kpi.key === 'recurrence_rate') {
            card.appendChild(this.pendingRecurrences());
        }

        var chart = null;
        if (asTable) {
            card.appendChild(kpiTable(kpi, series, periods));
        } else {
            var box = el('div', 'ff-kpi-chart');
            var canvas = el('canvas');
            canvas.setAttribute('role', 'img');
            canvas.setAttribute('aria-label', format(TEXT.chartLabel, name, last ? formatValue(kpi.unit, last.value) + ' ('
                + last.label + ')' : TEXT.valueNone));
            box.appendChild(canvas);
            card.appendChild(box);
            chart = {canvas: canvas, config: chartConfig(kpi, series, periods)};
        }

        var notes = el('ul', 'ff-kpi-notes');
        var points = series.reduce(function (all, s) {
            return all.concat(s.points);
        }, []);
        if (!asTable && points.some(function (point) {
            return point.partial;
        })) { // the table marks the partial period in its row
            notes.appendChild(el('li', 'ff-kpi-note-partial', TEXT.notePartial));
        }
        if (points.some(function (point) {
            return point.status === 'not_enough_answers';
        })) {
            var minAnswers = data.sharing && data.sharing.minAnswers;
            notes.appendChild(el('li', 'ff-kpi-note-hidden', format(TEXT.noteHidden, minAnswers)));
        }
        var open = points.filter(function (point) {
            return point.status === 'period_open';
        })[0];
        if (open) {
            notes.appendChild(el('li', 'ff-kpi-note-open', format(TEXT.noteOpen, open.sampleSize)));
        }
        if (notes.childNodes.length) {
            card.appendChild(notes);
        }

        if (kpi.searchUrl) {
            var link = el('a', 'ff-kpi-search', TEXT.search);
            link.href = baseUrl() + kpi.searchUrl;
            card.appendChild(link);
        }
        return {card: card, chart: chart};
    };

    /** Switches every card between chart and table; the choice is saved only where the user may edit the item. */
    DashboardItem.prototype.toggleView = function () {
        this.view = this.view === 'table' ? 'chart' : 'table';
        this.prefs.view = this.view;
        var toggle = this.showData(this.data);
        toggle.focus();
        if (this.API.isEditable()) {
            this.savedView = this.view;
            this.API.savePreferences(toStoredPreferences(this.prefs));
        }
    };

    // ---------------------------------------------------------------------------------------------------------------
    // the edit form

    DashboardItem.prototype.renderEdit = function (element, preferences) {
        var self = this;
        var prefs = readPreferences(preferences);
        var ids = this.id + '-';
        this.loads++; // a response still on its way must not replace the form
        this.root = nodeOf(element);
        this.reset('edit');
        this.root.removeAttribute('aria-busy');
        this.API.setTitle(TEXT.title);

        var form = el('form', 'aui ff-kpi-edit');
        form.noValidate = true;
        form.setAttribute('action', '#');

        // scope: projects or a saved filter
        var scope = el('fieldset', 'group');
        scope.appendChild(el('legend')).appendChild(el('span', null, TEXT.scope));
        var byProjects = radio(scope, ids + 'scope-projects', 'scope', 'projects', TEXT.scopeProjects, !prefs.filter);
        var byFilter = radio(scope, ids + 'scope-savedfilter', 'scope', 'filter', TEXT.scopeFilter, Boolean(prefs.filter));
        form.appendChild(scope);

        var project = kit.textField(form, ids + 'project', TEXT.projectLabel, TEXT.projectHelp, prefs.projects.join(', '));
        project.input.name = 'project';
        project.input.setAttribute('autocomplete', 'off');
        var filter = kit.textField(form, ids + 'filter', TEXT.filterLabel, TEXT.filterHelp, prefs.filter);
        filter.input.name = 'filter';
        filter.input.setAttribute('inputmode', 'numeric');

        function syncScope() {
            project.input.disabled = !byProjects.checked;
            filter.input.disabled = !byFilter.checked;
        }
        byProjects.addEventListener('change', syncScope);
        byFilter.addEventListener('change', syncScope);
        syncScope();

        var months = selectField(form, ids + 'months', TEXT.monthsLabel, MONTH_CHOICES.map(function (n) {
            return {value: String(n), text: format(TEXT.monthsOption, n)};
        }), String(prefs.months));
        var granularity = selectField(form, ids + 'granularity', TEXT.granularityLabel, [
            {value: 'month', text: TEXT.month},
            {value: 'quarter', text: TEXT.quarter}
        ], prefs.granularity);
        months.name = 'months';
        granularity.name = 'granularity';

        // the KPIs, at least one
        var group = el('fieldset', 'group ff-kpi-choices');
        group.appendChild(el('legend')).appendChild(el('span', null, TEXT.kpisLabel));
        var boxes = KPIS.map(function (kpi) {
            var wrap = el('div', 'checkbox');
            var box = el('input', 'checkbox');
            box.type = 'checkbox';
            box.id = ids + 'kpi-' + kpi.key;
            box.name = 'kpis';
            box.value = kpi.key;
            box.checked = prefs.kpis.indexOf(kpi.key) >= 0;
            var label = el('label', null, kpi.name);
            label.htmlFor = box.id;
            wrap.appendChild(box);
            wrap.appendChild(label);
            group.appendChild(wrap);
            return box;
        });
        var kpisError = el('div', 'error');
        kpisError.id = ids + 'kpis-error';
        group.setAttribute('aria-describedby', kpisError.id);
        group.appendChild(kpisError);
        form.appendChild(group);

        var cancel = kit.saveAndCancel(form, TEXT.save, TEXT.cancel).cancel;

        cancel.addEventListener('click', function () {
            if (self.editFromView) {
                self.editFromView = false;
                self.render(self.root, toStoredPreferences(self.prefs));
            } else {
                self.API.closeEdit();
            }
        });

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            [project, filter].forEach(kit.clearFieldError);
            kpisError.textContent = '';
            group.removeAttribute('aria-invalid');
            var invalid = [];

            var keys = [];
            var filterId = '';
            if (byProjects.checked) {
                var entries = splitList(project.input.value);
                for (var i = 0; i < entries.length; i++) {
                    var key = entries[i].toUpperCase();
                    if (!PROJECT_KEY.test(key)) {
                        kit.showFieldError(project, format(TEXT.projectInvalid, entries[i]));
                        invalid.push(project.input);
                        break;
                    }
                    if (keys.indexOf(key) < 0) {
                        keys.push(key);
                    }
                }
            } else {
                filterId = filter.input.value.trim();
                if (!FILTER_ID.test(filterId)) {
                    kit.showFieldError(filter, TEXT.filterInvalid);
                    invalid.push(filter.input);
                }
            }
            var kpis = boxes.filter(function (box) {
                return box.checked;
            }).map(function (box) {
                return box.value;
            });
            if (!kpis.length) {
                kpisError.textContent = TEXT.kpisRequired;
                group.setAttribute('aria-invalid', 'true');
                invalid.push(boxes[0]);
            }
            if (invalid.length) {
                invalid[0].focus();
                self.API.resize();
                return;
            }
            self.editFromView = false;
            self.API.savePreferences({
                project: keys.join(','),
                filter: filterId,
                months: months.value,
                granularity: granularity.value,
                kpis: kpis.join(','),
                view: prefs.view
            });
        });

        this.root.appendChild(form);
        this.API.resize();
    };

    function radio(parent, id, name, value, text, checked) {
        var wrap = el('div', 'radio');
        var input = el('input', 'radio');
        input.type = 'radio';
        input.id = id;
        input.name = name;
        input.value = value;
        input.checked = checked;
        var label = el('label', null, text);
        label.htmlFor = id;
        wrap.appendChild(input);
        wrap.appendChild(label);
        parent.appendChild(wrap);
        return input;
    }


    function selectField(form, id, labelText, options, selected) {
        var group = el('div', 'field-group');
        var label = el('label', null, labelText);
        label.htmlFor = id;
        var select = el('select', 'select');
        select.id = id;
        options.forEach(function (option) {
            var node = el('option', null, option.text);
            node.value = option.value;
            node.selected = option.value === selected;
            select.appendChild(node);
        });
        group.appendChild(label);
        group.appendChild(select);
        form.appendChild(group);
        return select;
    }



    return DashboardItem;
});
