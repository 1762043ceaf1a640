/*
 * The preview's Jira dashboard host: what Jira's dashboard page gives dashboard items, for the items on
 * /jira/dashboard. Needs amd-lite.js and jQuery (which registers itself as the AMD module 'jquery') loaded before it.
 *
 * - host modules: 'wrm/context-path' (a function returning the context path, '' here) and a minimal AJS global
 *   (AJS.$, AJS.contextPath, AJS.format, AJS.I18n.getText for keys the jsI18n transformer did not replace);
 * - a gadget frame per .ff-gadget: requires the item's AMD module, constructs it with (API, options) and calls
 *   render(element, preferences) / renderEdit(element, preferences) on the frame's content element (the "Edit" button,
 *   API.savePreferences and API.closeEdit switch between them);
 * - preferences per item in localStorage ('failforward.preview.dashboard.<itemId>'), the frame's data-default-prefs
 *   when none are saved; the "Reset" link forgets them.
 *
 * The frame's data-mode ("loading", "view", "edit", "error") tells tests what the host did.
 */
(function (global, $) {
    'use strict';

    var STORAGE_PREFIX = 'failforward.preview.dashboard.';
    var memoryStorage = {};

    // ---- host modules, as Jira provides them ----
    define('wrm/context-path', [], function () {
        return function () {
            return '';
        };
    });

    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        return String(pattern).replace(/\{(\d+)\}/g, function (match, index) {
            return args[index] !== undefined ? String(args[index]) : match;
        }).replace(/''/g, '\'');
    }

    var AJS = global.AJS = global.AJS || {};
    AJS.$ = $;
    AJS.contextPath = function () {
        return '';
    };
    AJS.format = format;
    AJS.I18n = AJS.I18n || {
        getText: function (key) {
            return format.apply(null, arguments);
        }
    };

    // ---- preferences ----
    function readStored(itemId) {
        var text;
        try {
            text = global.localStorage.getItem(STORAGE_PREFIX + itemId);
        } catch (e) {
            text = memoryStorage[itemId];
        }
        if (!text) {
            return null;
        }
        try {
            var value = JSON.parse(text);
            return value && typeof value === 'object' ? value : null;
        } catch (e) {
            return null;
        }
    }

    function store(itemId, preferences) {
        var text = JSON.stringify(preferences);
        try {
            global.localStorage.setItem(STORAGE_PREFIX + itemId, text);
        } catch (e) {
            memoryStorage[itemId] = text;
        }
    }

    function forget(itemId) {
        try {
            global.localStorage.removeItem(STORAGE_PREFIX + itemId);
        } catch (e) {
            delete memoryStorage[itemId];
        }
    }

    function copy(preferences) {
        return $.extend({}, preferences);
    }

    // ---- gadget frames ----
    function Gadget(frame) {
        this.frame = frame;
        this.itemId = frame.getAttribute('data-item-id');
        this.moduleId = frame.getAttribute('data-amd-module');
        this.defaults = JSON.parse(frame.getAttribute('data-default-prefs') || '{}');
        this.title = frame.querySelector('.ff-gadget-title');
        this.editButton = frame.querySelector('.ff-gadget-edit');
        this.loadingBar = frame.querySelector('.ff-gadget-loading');
        this.content = frame.querySelector('.ff-gadget-content');
        this.item = null;
        this.mode('loading');
    }

    Gadget.prototype.mode = function (mode) {
        this.frame.setAttribute('data-mode', mode);
        this.editButton.hidden = !(mode === 'view' && this.item && typeof this.item.renderEdit === 'function');
    };

    Gadget.prototype.preferences = function () {
        return readStored(this.itemId) || copy(this.defaults);
    };

    Gadget.prototype.api = function () {
        var gadget = this;
        return {
            showLoadingBar: function () {
                gadget.loadingBar.hidden = false;
            },
            hideLoadingBar: function () {
                gadget.loadingBar.hidden = true;
            },
            setTitle: function (text) {
                gadget.title.textContent = text;
            },
            // as on Jira, saving is asynchronous: the item's code after the call still runs on its own DOM
            savePreferences: function (preferences) {
                store(gadget.itemId, copy(preferences));
                global.setTimeout(function () {
                    gadget.render();
                }, 0);
            },
            closeEdit: function () {
                global.setTimeout(function () {
                    gadget.render();
                }, 0);
            },
            isEditable: function () {
                return true;
            },
            resize: function () {
                // the frame grows with its content; nothing to measure outside an iframe
            }
        };
    };

    Gadget.prototype.start = function (Item) {
        try {
            this.item = new Item(this.api(), {itemId: this.itemId});
        } catch (error) {
            this.fail('the item could not be created: ' + error.message, error);
            return;
        }
        this.render();
    };

    /** Calls render or renderEdit on the same element each time; the item owns what is inside it, as on Jira. */
    Gadget.prototype.show = function (mode, method) {
        this.loadingBar.hidden = true;
        this.mode(mode);
        try {
            this.item[method](this.content, copy(this.preferences()));
        } catch (error) {
            this.fail(method + ' failed: ' + error.message, error);
        }
    };

    Gadget.prototype.render = function () {
        this.show('view', 'render');
    };

    Gadget.prototype.edit = function () {
        this.show('edit', 'renderEdit');
    };

    Gadget.prototype.fail = function (message, error) {
        this.mode('error');
        $(this.content).empty().append($('<div class="aui-message aui-message-error"></div>').text(message));
        if (error) {
            global.setTimeout(function () {
                throw error;
            }, 0);
        } else {
            global.console.error('dashboard: ' + this.itemId + ': ' + message);
        }
    };

    var gadgets = $('.ff-gadget').map(function () {
        var gadget = new Gadget(this);
        $(gadget.editButton).on('click', function () {
            gadget.edit();
        });
        require([gadget.moduleId], function (Item) {
            gadget.start(Item);
        });
        return gadget;
    }).get();

    // every script of the page has run by now: a module still missing will not come
    $(global).on('load', function () {
        gadgets.forEach(function (gadget) {
            if (gadget.item === null && gadget.frame.getAttribute('data-mode') === 'loading') {
                gadget.fail('the item cannot start: no script on the page defines the AMD module(s) '
                    + require.waitingFor([gadget.moduleId]).join(', '));
            }
        });
    });

    $('#ff-dashboard-reset').on('click', function (event) {
        event.preventDefault();
        gadgets.forEach(function (gadget) {
            forget(gadget.itemId);
        });
        global.location.reload();
    });
}(window, require('jquery')));
