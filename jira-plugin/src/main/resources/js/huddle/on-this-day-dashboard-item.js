/*
 * Fail Forward - "On this day" dashboard item (AMD module failforward/on-this-day-dashboard-item).
 *
 * Brings back the learnings captured a year and a quarter ago, 3 days either side of today in the user's time zone,
 * for the chosen projects (preference "projects", comma-separated; empty = every project the user may browse):
 *   GET /rest/failforward/1.0/learnings/on-this-day?projects=OPS,CARE
 * Each learning with its record (key as a link, summary). The root node carries data-state
 * (loading|error|forbidden|empty|ready|edit). Server text only reaches the page through textContent.
 */
define('failforward/on-this-day-dashboard-item', ['jquery', 'failforward/dashboard-kit'], function ($, kit) {
    'use strict';

    var el = kit.el;
    var format = kit.format;
    var message = kit.message;

    var REST = '/rest/failforward/1.0/learnings/on-this-day';

    var TEXT = {
        title: AJS.I18n.getText('failforward.dashboard.onthisday.title'),
        titleProjects: AJS.I18n.getText('failforward.dashboard.onthisday.title.projects'),
        loading: AJS.I18n.getText('failforward.dashboard.onthisday.loading'),
        errorTitle: AJS.I18n.getText('failforward.dashboard.onthisday.error.title'),
        errorGeneric: AJS.I18n.getText('failforward.dashboard.onthisday.error.generic'),
        retry: AJS.I18n.getText('failforward.dashboard.onthisday.retry'),
        loginTitle: AJS.I18n.getText('failforward.dashboard.onthisday.forbidden.login'),
        loginLink: AJS.I18n.getText('failforward.dashboard.onthisday.forbidden.login.link'),
        forbiddenTitle: AJS.I18n.getText('failforward.dashboard.onthisday.forbidden.title'),
        forbiddenGeneric: AJS.I18n.getText('failforward.dashboard.onthisday.forbidden.generic'),
        window: AJS.I18n.getText('failforward.dashboard.onthisday.window'),
        year: AJS.I18n.getText('failforward.dashboard.onthisday.year'),
        quarter: AJS.I18n.getText('failforward.dashboard.onthisday.quarter'),
        none: AJS.I18n.getText('failforward.dashboard.onthisday.none'),
        periodNone: AJS.I18n.getText('failforward.dashboard.onthisday.period.none'),
        more: AJS.I18n.getText('failforward.dashboard.onthisday.more'),
        projectsLabel: AJS.I18n.getText('failforward.dashboard.onthisday.edit.projects'),
        projectsHelp: AJS.I18n.getText('failforward.dashboard.onthisday.edit.projects.description'),
        projectsInvalid: AJS.I18n.getText('failforward.dashboard.onthisday.edit.projects.invalid'),
        save: AJS.I18n.getText('failforward.dashboard.onthisday.edit.save'),
        cancel: AJS.I18n.getText('failforward.dashboard.onthisday.edit.cancel')
    };

    var instances = 0;

    function day(isoDate) {
        var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
        return p ? new Date(Date.UTC(+p[1], +p[2] - 1, +p[3])).toLocaleDateString(kit.locale(),
            {dateStyle: 'medium', timeZone: 'UTC'}) : isoDate;
    }

    function DashboardItem(API, options) {
        this.API = API;
        this.options = options || {};
        this.loads = 0;
        this.id = 'ff-onthisday-' + (++instances);
    }

    DashboardItem.prototype.render = function (element, preferences) {
        this.root = kit.nodeOf(element);
        this.projects = kit.projectKeys((preferences || {}).projects) || [];
        this.load();
    };

    DashboardItem.prototype.reset = function (state) {
        this.root.textContent = '';
        this.root.classList.add('ff-onthisday-item');
        this.root.setAttribute('data-state', state);
    };

    DashboardItem.prototype.load = function () {
        var self = this;
        this.API.setTitle(this.projects.length ? format(TEXT.titleProjects, this.projects.join(', ')) : TEXT.title);
        kit.load(this, {
            url: REST + (this.projects.length ? '?projects=' + encodeURIComponent(this.projects.join(',')) : ''),
            loadingClass: 'ff-onthisday-loading', texts: TEXT, retryClass: 'ff-onthisday-retry',
            isData: function (body) {
                return Boolean(body.periods);
            },
            ok: function (body) {
                self.show(body);
            },
            retry: function () {
                self.load();
            }
        });
    };

    DashboardItem.prototype.show = function (body) {
        var found = body.periods.some(function (p) {
            return p.learnings.length > 0;
        });
        this.reset(found ? 'ready' : 'empty');
        this.root.appendChild(el('p', 'ff-onthisday-window', format(TEXT.window, day(body.date), body.windowDays,
            body.zone)));
        if (!found) {
            this.root.appendChild(message('info', null, TEXT.none));
            this.API.resize();
            return;
        }
        var root = this.root;
        body.periods.forEach(function (period) {
            var section = root.appendChild(el('div', 'ff-onthisday-period'));
            section.setAttribute('data-ff-period', period.key);
            section.appendChild(el('h3', 'ff-onthisday-heading',
                format(period.key === 'year' ? TEXT.year : TEXT.quarter, day(period.day))));
            if (!period.learnings.length) {
                section.appendChild(el('p', 'ff-onthisday-empty', TEXT.periodNone));
                return;
            }
            var list = section.appendChild(el('ul', 'ff-onthisday-list'));
            period.learnings.forEach(function (learning) {
                var li = list.appendChild(el('li', 'ff-onthisday-learning'));
                li.appendChild(el('p', 'ff-onthisday-text', learning.text));
                var from = li.appendChild(el('p', 'ff-onthisday-from'));
                var a = from.appendChild(el('a', 'ff-onthisday-key', learning.record.key));
                a.href = kit.baseUrl() + learning.record.url;
                from.appendChild(document.createTextNode(' ' + learning.record.summary + ' · '
                    + day(learning.createdAt.substring(0, 10))));
            });
            if (period.total > period.learnings.length) {
                section.appendChild(el('p', 'ff-onthisday-more', format(TEXT.more, period.total)));
            }
        });
        this.API.resize();
    };

    DashboardItem.prototype.renderEdit = function (element, preferences) {
        kit.projectsEdit(this, element, preferences, {formClass: 'ff-onthisday-edit', required: false, texts: TEXT});
    };

    return DashboardItem;
});
