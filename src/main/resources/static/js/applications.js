// The application form: team and budget rows added and removed, the budget's running total
// against the guide's cash, the window's countdown, and autosave kept honest (a refusal is
// shown, unsaved text is saved before an upload and when the page is hidden or closed).
// Loaded by <script src> only: the Content-Security-Policy forbids inline scripts.
(function () {
	'use strict';

	var form = document.getElementById('application-form');
	if (!form) {
		return;
	}
	var dirty = false;

	function fill(template, values) {
		return template.replace(/\{(\w+)\}/g, function (all, name) {
			return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
		});
	}

	function amount(text) {
		var plain = (text || '').replace(/[¥￥,，\s]/g, '');
		if (plain === '') {
			return 0;
		}
		return /^\d+(\.\d{1,2})?$/.test(plain) ? Math.round(parseFloat(plain) * 100) : null;
	}

	function yuan(fen) {
		var whole = Math.floor(fen / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
		var cents = ('0' + (fen % 100)).slice(-2);
		return '¥' + whole + '.' + cents;
	}

	function updateTotal() {
		var out = document.getElementById('budget-total');
		if (!out) {
			return;
		}
		var total = 0;
		form.querySelectorAll('input[data-amount]').forEach(function (input) {
			var fen = amount(input.value);
			input.classList.toggle('invalid', fen === null);
			if (fen !== null) {
				total += fen;
			}
		});
		var cash = amount(out.dataset.cash) || 0;
		var text = fill(out.dataset.template, { total: yuan(total), cash: yuan(cash) });
		if (total > cash) {
			text += fill(out.dataset.over, { over: yuan(total - cash) });
		}
		out.textContent = text;
		out.classList.toggle('bad', total > cash);
		out.classList.toggle('ok', total <= cash);
	}

	form.addEventListener('click', function (event) {
		var add = event.target.closest('[data-add-row]');
		if (add) {
			var name = add.dataset.addRow;
			var template = document.getElementById(name + '-template');
			var rows = document.getElementById(name + '-rows');
			rows.appendChild(template.content.cloneNode(true));
			var first = rows.lastElementChild && rows.lastElementChild.querySelector('input');
			if (first) {
				first.focus();
			}
			return;
		}
		var remove = event.target.closest('[data-remove-row]');
		if (remove) {
			remove.closest('[data-row]').remove();
			updateTotal();
			dirty = true;
			htmx.trigger(form, 'autosave');
		}
	});

	form.addEventListener('input', function (event) {
		dirty = true;
		if (event.target.matches('input[data-amount]')) {
			updateTotal();
		}
	});

	form.addEventListener('htmx:beforeRequest', function () {
		dirty = false;
	});

	form.addEventListener('htmx:afterRequest', function (event) {
		if (!event.detail.successful) {
			dirty = true;
		}
	});

	// A refused save (409 conflict, 422 unreadable) still shows its message in place.
	document.body.addEventListener('htmx:beforeSwap', function (event) {
		var status = event.detail.xhr.status;
		if (event.detail.target && event.detail.target.id === 'autosave-status' && (status === 409 || status === 422)) {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});

	// An upload or a removal reloads the page: save what was typed first.
	document.querySelectorAll('form[data-save-first]').forEach(function (other) {
		other.addEventListener('submit', function (event) {
			if (!dirty) {
				return;
			}
			event.preventDefault();
			form.addEventListener('htmx:afterRequest', function () {
				HTMLFormElement.prototype.submit.call(other);
			}, { once: true });
			htmx.trigger(form, 'autosave-now');
		});
	});

	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'hidden' && dirty) {
			htmx.trigger(form, 'autosave-now');
		}
	});

	// The page is going away with a save still pending: send it as a beacon.
	window.addEventListener('pagehide', function () {
		if (dirty && navigator.sendBeacon) {
			dirty = false;
			// Form-encoded, as the form itself posts, so that its CSRF field is read.
			navigator.sendBeacon(form.getAttribute('action'), new URLSearchParams(new FormData(form)));
		}
	});

	var texts = document.getElementById('countdown-texts');

	function span(ms) {
		var seconds = Math.max(0, Math.floor(ms / 1000));
		var d = Math.floor(seconds / 86400);
		var h = Math.floor((seconds % 86400) / 3600);
		var m = Math.floor((seconds % 3600) / 60);
		var s = seconds % 60;
		if (d > 0) {
			return fill(texts.dataset.days, { d: d, h: h, m: m });
		}
		if (h > 0) {
			return fill(texts.dataset.hours, { h: h, m: m });
		}
		return fill(texts.dataset.minutes, { m: m, s: s });
	}

	function tick() {
		var countdown = document.querySelector('[data-testid=countdown]');
		if (!countdown || !texts) {
			return;
		}
		var state = countdown.dataset.state;
		if (state !== 'open' && state !== 'ahead') {
			return;
		}
		if (!countdown.dataset.shownAt) {
			countdown.dataset.shownAt = String(Date.now());
		}
		var left = Number(countdown.dataset.remaining) - (Date.now() - Number(countdown.dataset.shownAt));
		countdown.textContent = left > 0 ? fill(texts.dataset[state], { span: span(left) })
			: (state === 'open' ? texts.dataset.closed : texts.dataset.changed);
	}

	updateTotal();
	tick();
	window.setInterval(tick, 1000);
})();
