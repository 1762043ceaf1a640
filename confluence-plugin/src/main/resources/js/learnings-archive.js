/*
 * Fail Forward - learnings archive macro (failforward-learnings).
 *
 * Each section.ff-archive is one archive: the server rendered its search form (hidden until now), empty places for the
 * facets and the results, and the macro's filters as data-* attributes. This script searches Jira's learnings through
 * GET /rest/failforward-confluence/1.0/learnings without reloading the page: on submit, on typing (debounced), on a
 * change of period, on a facet button (a toggle; active filters are listed with a remove button and "Clear all"), and
 * "Show more" for the next page. States other than ok (no link, authorize, unavailable, ...) show the server's message
 * with its link. While the Jira node's search index builds (json.index, as for "More like this"), a status line says so
 * and that the database answers meanwhile. A learning found by the index's free-text search shows its matching words in
 * <mark> (json items' highlight segments, each one set as text). The month facet (facets.period, yyyy-MM) narrows the
 * search to that month (from/to) instead of the period select. Each learning has "More like this", which opens the similar past failures of its record
 * (GET /rest/failforward-confluence/1.0/similar/{key}) under it and closes them again. Everything is scoped to the archive's root element, so several archives on a page do not interfere.
 * User and Jira text only ever reaches the page through textContent; labels come from the i18n bundle through the
 * jsI18n transformer (literal keys only).
 */
(function (global) {
    'use strict';

    var kit = global.FailForward.kit;
    var format = kit.format;
    var el = kit.el;
    var link = kit.link;

    function get(url, done) {
        kit.request('GET', url, undefined, done);
    }
    var DEBOUNCE_MILLIS = 400;

    var TEXT = {
        failed: AJS.I18n.getText('failforward.archive.js.failed'),
        retry: AJS.I18n.getText('failforward.archive.js.retry'),
        authorize: AJS.I18n.getText('failforward.archive.js.authorize'),
        addLink: AJS.I18n.getText('failforward.archive.js.addlink'),
        askAdmin: AJS.I18n.getText('failforward.archive.js.askadmin'),
        loading: AJS.I18n.getText('failforward.archive.js.loading'),
        countNone: AJS.I18n.getText('failforward.archive.js.count.none'),
        countOne: AJS.I18n.getText('failforward.archive.js.count.one'),
        countMany: AJS.I18n.getText('failforward.archive.js.count.many'),
        countPartial: AJS.I18n.getText('failforward.archive.js.count.partial'),
        active: AJS.I18n.getText('failforward.archive.js.active'),
        remove: AJS.I18n.getText('failforward.archive.js.remove'),
        clear: AJS.I18n.getText('failforward.archive.js.clear'),
        retro: AJS.I18n.getText('failforward.archive.js.retro'),
        retroUntitled: AJS.I18n.getText('failforward.archive.js.retro.untitled'),
        errors: AJS.I18n.getText('failforward.archive.js.errors'),
        indexBuilding: AJS.I18n.getText('failforward.archive.js.index.building'),
        moreLikeThis: AJS.I18n.getText('failforward.similar.js.more'),
        moreLikeThisLabel: AJS.I18n.getText('failforward.similar.js.more.label'),
        similarLoading: AJS.I18n.getText('failforward.similar.js.loading'),
        similarNone: AJS.I18n.getText('failforward.similar.js.none'),
        similarFailed: AJS.I18n.getText('failforward.similar.js.failed')
    };

    /** The patterns of the similar past failures' list (FailForward.kit.similarList). */
    var SIMILAR_TEXT = {
        shares: AJS.I18n.getText('failforward.similar.js.shares'),
        building: AJS.I18n.getText('failforward.similar.js.building')
    };

    /** How many similar past failures "More like this" shows. */
    var SIMILAR_MAX = 5;

    /** Numbers the "More like this" panels, so each button names the one it opens (aria-controls). */
    var similarPanels = 0;

    /** The facets in the order they are shown: the response's facet name, the request parameter, the heading. */
    var FACETS = [
        {name: 'project', title: AJS.I18n.getText('failforward.archive.js.facet.project')},
        {name: 'recordKind', title: AJS.I18n.getText('failforward.archive.js.facet.recordkind')},
        {name: 'learningKind', title: AJS.I18n.getText('failforward.archive.js.facet.learningkind')},
        {name: 'failureType', title: AJS.I18n.getText('failforward.archive.js.facet.failuretype')},
        {name: 'category', title: AJS.I18n.getText('failforward.archive.js.facet.category')},
        {name: 'period', title: AJS.I18n.getText('failforward.archive.js.facet.period')}
    ];

    /** A month facet value: yyyy-MM. */
    var MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

    /** Labels of the enum values Jira sends (lower-case names); project keys are shown as they are. */
    var LABELS = {
        recordKind: {
            experiment: AJS.I18n.getText('failforward.archive.js.recordkind.experiment'),
            incident: AJS.I18n.getText('failforward.archive.js.recordkind.incident')
        },
        learningKind: {
            insight: AJS.I18n.getText('failforward.failuredb.learningkind.insight'),
            surprise: AJS.I18n.getText('failforward.failuredb.learningkind.surprise'),
            went_well: AJS.I18n.getText('failforward.failuredb.learningkind.went_well'),
            got_lucky: AJS.I18n.getText('failforward.failuredb.learningkind.got_lucky')
        },
        failureType: {
            basic: AJS.I18n.getText('failforward.incident.failuretype.basic'),
            complex: AJS.I18n.getText('failforward.incident.failuretype.complex'),
            intelligent: AJS.I18n.getText('failforward.incident.failuretype.intelligent')
        },
        category: {
            design_flaw: AJS.I18n.getText('failforward.incident.failurecategory.design_flaw'),
            data_gap: AJS.I18n.getText('failforward.incident.failurecategory.data_gap'),
            process_deviation: AJS.I18n.getText('failforward.incident.failurecategory.process_deviation'),
            external_shock: AJS.I18n.getText('failforward.incident.failurecategory.external_shock'),
            other: AJS.I18n.getText('failforward.incident.failurecategory.other')
        }
    };

    /** AUI lozenge colour per kind of learning. */
    var KIND_LOZENGE = {insight: 'complete', surprise: 'new', went_well: 'success', got_lucky: 'moved'};

    function label(facet, value) {
        if (facet === 'period') {
            return monthLabel(value);
        }
        var labels = LABELS[facet];
        return labels && labels[value] ? labels[value] : value;
    }

    /** "May 2026" for 2026-05, in the page's language where the browser knows it; the value itself otherwise. */
    function monthLabel(value) {
        var month = MONTH.exec(value || '');
        if (!month) {
            return value;
        }
        var date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
        try {
            var lang = document.documentElement.getAttribute('lang') || undefined;
            return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', timeZone: 'UTC'}).format(date);
        } catch (e) {
            return value;
        }
    }

    /** The first and the last day (yyyy-MM-dd) of a month yyyy-MM; null when it is not one. */
    function monthRange(value) {
        var month = MONTH.exec(value || '');
        if (!month) {
            return null;
        }
        var last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
        return {from: value + '-01', to: value + '-' + (last < 10 ? '0' : '') + last};
    }

    /**
     * The learning's text: with highlight segments (Jira's index matched the search's text) each segment as text, the
     * matching ones in <mark>; else the plain text.
     */
    function learningText(item) {
        var p = el('p', 'ff-archive-item-text');
        var segments = Array.isArray(item.highlight) ? item.highlight : [];
        var readable = segments.length > 0 && segments.every(function (segment) {
            return segment && typeof segment.text === 'string';
        });
        if (!readable) {
            p.textContent = item.text || '';
            return p;
        }
        segments.forEach(function (segment) {
            p.appendChild(segment.match === true ? el('mark', 'ff-archive-highlight', segment.text)
                : document.createTextNode(segment.text));
        });
        return p;
    }

    function formatDate(iso) {
        var date = iso ? new Date(iso) : null;
        if (!date || isNaN(date.getTime())) {
            return '';
        }
        try {
            return date.toLocaleDateString();
        } catch (e) {
            return iso.substring(0, 10);
        }
    }

    /** One archive: its root element, its filters and what it shows. */
    function Archive(root) {
        this.root = root;
        this.form = root.querySelector('.ff-archive-search');
        this.query = root.querySelector('.ff-archive-query');
        this.period = root.querySelector('.ff-archive-period');
        this.activeBox = root.querySelector('.ff-archive-active');
        this.facetsBox = root.querySelector('.ff-archive-facets');
        this.count = root.querySelector('.ff-archive-count');
        this.indexLine = root.querySelector('.ff-archive-index');
        this.message = root.querySelector('.ff-archive-message');
        this.results = root.querySelector('.ff-archive-results');
        this.more = root.querySelector('.ff-archive-more');
        var projects = root.getAttribute('data-projects') || '';
        /** The macro's projects: the archive's scope, which the project facet narrows. */
        this.scope = projects ? projects.split(',') : [];
        this.max = parseInt(root.getAttribute('data-max'), 10) || 20;
        this.filters = {
            project: null,
            recordKind: root.getAttribute('data-record-kind') || null,
            learningKind: root.getAttribute('data-learning-kind') || null,
            failureType: root.getAttribute('data-failure-type') || null,
            category: root.getAttribute('data-category') || null,
            period: null
        };
        this.shown = 0;
        this.total = 0;
        this.sequence = 0;
        this.timer = null;
        this.lastText = null;
    }

    Archive.prototype.start = function () {
        var self = this;
        this.form.hidden = false;
        this.form.addEventListener('submit', function (event) {
            event.preventDefault();
            self.search();
        });
        this.query.addEventListener('input', function () {
            global.clearTimeout(self.timer);
            self.timer = global.setTimeout(function () {
                if (self.query.value.trim() !== self.lastText) {
                    self.search();
                }
            }, DEBOUNCE_MILLIS);
        });
        this.period.addEventListener('change', function () {
            if (self.period.value !== 'all') {
                self.filters.period = null; // a month facet and a period are one filter: the last choice holds
            }
            self.search();
        });
        this.more.addEventListener('click', function () {
            self.load(self.shown);
        });
        this.search();
    };

    /** The first page for the current filters. */
    Archive.prototype.search = function () {
        global.clearTimeout(this.timer);
        this.load(0);
    };

    Archive.prototype.url = function (startAt) {
        var params = [];
        function add(name, value) {
            if (value !== null && value !== undefined && value !== '') {
                params.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
            }
        }
        var projects = this.filters.project ? [this.filters.project] : this.scope;
        projects.forEach(function (project) {
            add('project', project);
        });
        add('recordKind', this.filters.recordKind);
        add('learningKind', this.filters.learningKind);
        add('failureType', this.filters.failureType);
        add('category', this.filters.category);
        var month = monthRange(this.filters.period);
        if (month) {
            add('from', month.from);
            add('to', month.to);
        } else {
            add('period', this.period.value === 'all' ? '' : this.period.value);
        }
        add('text', this.query.value.trim());
        add('startAt', startAt);
        add('maxResults', this.max);
        return '/learnings?' + params.join('&');
    };

    /** Loads a page: from 0 replaces what is shown, later pages are appended; only the newest request is shown. */
    Archive.prototype.load = function (startAt) {
        var self = this;
        var ticket = ++this.sequence;
        var append = startAt > 0;
        this.lastText = this.query.value.trim();
        this.results.setAttribute('aria-busy', 'true');
        this.more.disabled = true;
        if (!append) {
            this.count.textContent = TEXT.loading;
        }
        get(this.url(startAt), function (status, json) {
            if (ticket !== self.sequence) {
                return; // a newer search is under way
            }
            self.results.removeAttribute('aria-busy');
            self.more.disabled = false;
            if (status === 200 && json && json.state === 'ok') {
                self.showPage(json, append);
            } else if (status === 200 && json && json.state) {
                self.showState(json);
            } else if (status === 400 && json && json.errors) {
                self.showErrors(json);
            } else {
                self.showState({state: 'unavailable', message: (json && json.message) || TEXT.failed});
            }
        });
    };

    Archive.prototype.showPage = function (page, append) {
        var self = this;
        this.message.textContent = '';
        this.root.setAttribute('data-state', 'ok');
        if (!append) {
            this.results.textContent = '';
            this.shown = 0;
        }
        page.items.forEach(function (item) {
            self.results.appendChild(self.item(item));
        });
        this.shown += page.items.length;
        this.total = page.total;
        this.more.hidden = this.shown >= this.total || page.items.length === 0;
        this.showCount();
        this.showIndex(page.index);
        this.showFacets(page.facets);
        this.showActive();
    };

    Archive.prototype.showCount = function () {
        var text;
        if (this.total === 0) {
            text = TEXT.countNone;
        } else if (this.shown < this.total) {
            text = format(TEXT.countPartial, this.shown, this.total);
        } else {
            text = this.total === 1 ? TEXT.countOne : format(TEXT.countMany, this.total);
        }
        this.count.textContent = text;
        this.count.setAttribute('data-total', String(this.total));
    };

    /**
     * The line on the Jira node's search index: while it builds, its progress and that the database answers meanwhile;
     * nothing when it is ready, unavailable (the database answers as ever), or not said.
     */
    Archive.prototype.showIndex = function (index) {
        if (!this.indexLine) {
            return;
        }
        var building = !!(index && index.state === 'building');
        var percent = building ? Math.max(0, Math.min(100, Math.round(Number(index.percent)) || 0)) : 0;
        this.indexLine.textContent = building ? format(TEXT.indexBuilding, percent) : '';
        this.indexLine.hidden = !building;
        this.root.setAttribute('data-index', building ? 'building' : ((index && index.state) || ''));
    };

    Archive.prototype.item = function (item) {
        var record = item.record || {};
        var li = el('li', 'ff-archive-item');
        li.setAttribute('data-learning-id', String(item.id));
        li.setAttribute('data-issue-key', record.issueKey || '');
        li.appendChild(learningText(item));
        var meta = el('p', 'ff-archive-item-meta');
        var kind = el('span', 'aui-lozenge aui-lozenge-subtle ff-archive-item-kind', label('learningKind', item.kind));
        if (KIND_LOZENGE[item.kind]) {
            kind.className += ' aui-lozenge-' + KIND_LOZENGE[item.kind];
        }
        kind.setAttribute('data-kind', item.kind || '');
        meta.appendChild(kind);
        if (record.kind) {
            var recordKind = el('span', 'aui-lozenge ff-archive-item-record-kind', label('recordKind', record.kind));
            recordKind.setAttribute('data-kind', record.kind);
            meta.appendChild(recordKind);
        }
        var issue = record.url ? link(record.url, record.issueKey, 'ff-archive-item-issue')
            : el('span', 'ff-archive-item-issue', record.issueKey);
        meta.appendChild(issue);
        if (record.summary) {
            meta.appendChild(el('span', 'ff-archive-item-summary', record.summary));
        }
        // the record's most valuable failure badges, as Jira words them ("Most valuable failure · Q3 2026")
        (record.awards || []).forEach(function (badge) {
            if (badge && (badge.kind === 'winner' || badge.kind === 'nominee') && badge.text) {
                var award = el('span', 'aui-lozenge ff-archive-item-award ff-archive-item-award-' + badge.kind
                    + (badge.kind === 'winner' ? ' aui-lozenge-moved' : ' aui-lozenge-subtle'), badge.text);
                award.setAttribute('data-award-kind', badge.kind);
                award.setAttribute('data-award', badge.award || '');
                meta.appendChild(award);
            }
        });
        if (item.retroPage && item.retroPage.url) {
            var retro = link(item.retroPage.url, TEXT.retro, 'ff-archive-item-retro');
            retro.setAttribute('title', item.retroPage.title || TEXT.retroUntitled);
            meta.appendChild(retro);
        }
        var date = formatDate(item.createdAt);
        if (date) {
            var time = el('time', 'ff-archive-item-date', date);
            time.setAttribute('datetime', item.createdAt);
            meta.appendChild(time);
        }
        li.appendChild(meta);
        if (record.issueKey) {
            moreLikeThis(li, record.issueKey);
        }
        return li;
    };

    /**
     * "More like this" under a learning: a button (aria-expanded) that opens a panel with the similar past failures of
     * the learning's record, from GET /similar/{key}, and closes it again. Loaded on the first opening; opened again
     * after a failure, or while Jira's index was still building, it asks again.
     */
    function moreLikeThis(li, issueKey) {
        var panelId = 'ff-archive-similar-' + (++similarPanels);
        var button = el('button', 'aui-button aui-button-link ff-archive-similar-toggle', TEXT.moreLikeThis);
        button.type = 'button';
        button.setAttribute('aria-expanded', 'false');
        button.setAttribute('aria-controls', panelId);
        button.setAttribute('aria-label', format(TEXT.moreLikeThisLabel, issueKey));
        var panel = el('div', 'ff-archive-similar');
        panel.id = panelId;
        panel.hidden = true;
        panel.setAttribute('aria-live', 'polite');
        var done = false;
        var ticket = 0;
        button.addEventListener('click', function () {
            var open = button.getAttribute('aria-expanded') !== 'true';
            button.setAttribute('aria-expanded', String(open));
            panel.hidden = !open;
            if (!open || done) {
                return;
            }
            var mine = ++ticket;
            panel.textContent = '';
            panel.setAttribute('aria-busy', 'true');
            panel.appendChild(el('p', 'ff-archive-similar-loading', TEXT.similarLoading));
            get('/similar/' + encodeURIComponent(issueKey) + '?max=' + SIMILAR_MAX, function (status, json) {
                if (mine !== ticket) {
                    return;
                }
                panel.removeAttribute('aria-busy');
                panel.textContent = '';
                if (status === 200 && json && json.state === 'ok') {
                    var building = !!(json.index && json.index.state === 'building');
                    done = !building;
                    panel.setAttribute('data-state', building ? 'building' : 'ok');
                    panel.appendChild(kit.similarList(json, SIMILAR_TEXT) || el('p', 'ff-archive-similar-none', TEXT.similarNone));
                    return;
                }
                var state = status === 200 && json && json.state ? json.state : 'unavailable';
                panel.setAttribute('data-state', state);
                panel.appendChild(el('p', 'ff-archive-similar-message', (json && json.message) || TEXT.similarFailed));
                if (state === 'authorize' && json.authorizeUri) {
                    panel.appendChild(link(json.authorizeUri, TEXT.authorize, 'ff-archive-authorize'));
                }
            });
        });
        li.appendChild(button);
        li.appendChild(panel);
    }

    /** The facet buttons: a value with its count; pressed when it is the active filter; a click toggles it. */
    Archive.prototype.showFacets = function (facets) {
        var self = this;
        var focused = document.activeElement && this.facetsBox.contains(document.activeElement)
            ? document.activeElement : null;
        var focusFacet = focused ? focused.getAttribute('data-facet') : null;
        var focusValue = focused ? focused.getAttribute('data-value') : null;
        var refocus = null;
        this.facetsBox.textContent = '';
        FACETS.forEach(function (facet) {
            var counts = (facets && facets[facet.name]) || [];
            if (facet.name === 'period') {
                counts = counts.slice().reverse(); // newest month first
            }
            var active = self.filters[facet.name];
            if (active && !counts.some(function (c) {
                return c.value === active;
            })) {
                counts = [{value: active, count: 0}].concat(counts);
            }
            if (counts.length === 0) {
                return;
            }
            var group = el('div', 'ff-archive-facet');
            group.setAttribute('data-facet', facet.name);
            group.appendChild(el('h4', 'ff-archive-facet-title', facet.title));
            var list = el('ul', 'ff-archive-facet-values');
            list.setAttribute('aria-label', facet.title);
            counts.forEach(function (c) {
                var button = el('button', 'aui-button aui-button-subtle ff-archive-facet-value');
                button.type = 'button';
                button.setAttribute('data-facet', facet.name);
                button.setAttribute('data-value', c.value);
                button.setAttribute('aria-pressed', String(c.value === active));
                button.appendChild(el('span', 'ff-archive-facet-label', label(facet.name, c.value)));
                button.appendChild(el('span', 'aui-badge ff-archive-facet-count', String(c.count)));
                button.addEventListener('click', function () {
                    self.filters[facet.name] = self.filters[facet.name] === c.value ? null : c.value;
                    if (facet.name === 'period' && self.filters.period) {
                        self.period.value = 'all'; // the month replaces the period
                    }
                    self.search();
                });
                if (facet.name === focusFacet && c.value === focusValue) {
                    refocus = button;
                }
                var li = el('li');
                li.appendChild(button);
                list.appendChild(li);
            });
            group.appendChild(list);
            self.facetsBox.appendChild(group);
        });
        if (refocus) {
            refocus.focus();
        }
    };

    Archive.prototype.hasFilters = function () {
        var self = this;
        return FACETS.some(function (facet) {
            return !!self.filters[facet.name];
        }) || this.query.value.trim() !== '' || this.period.value !== 'all';
    };

    /** The active facet filters, each with a remove button, and "Clear all" (also clears the text and the period). */
    Archive.prototype.showActive = function () {
        var self = this;
        this.activeBox.textContent = '';
        if (!this.hasFilters()) {
            this.activeBox.hidden = true;
            return;
        }
        this.activeBox.hidden = false;
        this.activeBox.appendChild(el('span', 'ff-archive-active-title', TEXT.active));
        FACETS.forEach(function (facet) {
            var value = self.filters[facet.name];
            if (!value) {
                return;
            }
            var text = facet.title + ': ' + label(facet.name, value);
            var remove = el('button', 'aui-button aui-button-subtle ff-archive-active-filter', text + ' \u00d7');
            remove.type = 'button';
            remove.setAttribute('data-facet', facet.name);
            remove.setAttribute('data-value', value);
            remove.setAttribute('aria-label', format(TEXT.remove, text));
            remove.addEventListener('click', function () {
                self.filters[facet.name] = null;
                self.search();
            });
            self.activeBox.appendChild(remove);
        });
        var clear = el('button', 'aui-button aui-button-link ff-archive-clear', TEXT.clear);
        clear.type = 'button';
        clear.addEventListener('click', function () {
            FACETS.forEach(function (facet) {
                self.filters[facet.name] = null;
            });
            self.query.value = '';
            self.period.value = 'all';
            self.search();
            self.query.focus();
        });
        this.activeBox.appendChild(clear);
    };

    /** A state other than ok: its message and link; nothing else is shown. */
    Archive.prototype.showState = function (data) {
        var self = this;
        this.root.setAttribute('data-state', data.state);
        this.results.textContent = '';
        this.facetsBox.textContent = '';
        this.activeBox.textContent = '';
        this.activeBox.hidden = true;
        this.more.hidden = true;
        this.shown = 0;
        this.total = 0;
        this.count.textContent = '';
        this.count.removeAttribute('data-total');
        this.showIndex(null);
        this.message.textContent = '';
        var box = kit.stateBox(data, TEXT, 'ff-archive', function () {
            self.search();
        });
        this.message.appendChild(box);
    };

    /** A 400: each bad parameter with its message (only a changed search can fix it). */
    Archive.prototype.showErrors = function (json) {
        this.showState({state: 'invalid', message: json.message || TEXT.errors});
        var box = this.message.querySelector('.ff-archive-state');
        box.className = 'aui-message aui-message-error ff-archive-state';
        var list = el('ul', 'ff-archive-errors');
        json.errors.forEach(function (e) {
            var li = el('li', null, e.message);
            li.setAttribute('data-field', e.field || '');
            list.appendChild(li);
        });
        box.appendChild(list);
    };

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll('.ff-archive'), function (root) {
            if (root.getAttribute('data-ff-ready') === 'true') {
                return;
            }
            root.setAttribute('data-ff-ready', 'true');
            new Archive(root).start();
        });
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.learningsArchive = {init: init};

    if (global.AJS && typeof global.AJS.toInit === 'function') {
        AJS.toInit(init);
    } else {
        document.addEventListener('DOMContentLoaded', init);
    }
}(window));
