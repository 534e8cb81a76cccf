// The review pages: the plan's criteria rows added and removed with their weights' total
// shown live; the selection kept within the guide's projects, its reason asked for only
// when it departs from the ranking; a refused draft autosave shown in place.
// Loaded by <script src> only: the Content-Security-Policy forbids inline scripts.
(function () {
	'use strict';

	function fill(template, values) {
		return template.replace(/\{(\w+)\}/g, function (all, name) {
			return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
		});
	}

	// The plan: criteria rows and the live total of their weights.
	var plan = document.getElementById('plan-form');
	if (plan) {
		var rows = document.getElementById('criteria-rows');
		var sum = document.getElementById('weight-sum');

		var updateSum = function () {
			var hundredths = 0;
			var readable = true;
			rows.querySelectorAll('input[data-weight]').forEach(function (input) {
				var text = input.value.trim();
				var ok = text === '' || /^\d+(\.\d{1,2})?$/.test(text);
				input.classList.toggle('invalid', !ok);
				if (!ok) {
					readable = false;
				}
				else if (text !== '') {
					hundredths += Math.round(parseFloat(text) * 100);
				}
			});
			var total = (hundredths / 100).toString();
			sum.textContent = fill(sum.dataset.template, { sum: readable ? total : '?' });
			var hundred = readable && hundredths === 10000;
			sum.classList.toggle('ok', hundred);
			sum.classList.toggle('bad', !hundred);
		};

		plan.addEventListener('click', function (event) {
			if (event.target.closest('[data-add-criterion]')) {
				rows.appendChild(document.getElementById('criterion-template').content.cloneNode(true));
				var first = rows.lastElementChild && rows.lastElementChild.querySelector('input');
				if (first) {
					first.focus();
				}
				updateSum();
				return;
			}
			var remove = event.target.closest('[data-remove-row]');
			if (remove) {
				remove.closest('[data-row]').remove();
				updateSum();
			}
		});
		plan.addEventListener('input', function (event) {
			if (event.target.matches('input[data-weight]')) {
				updateSum();
			}
		});
		updateSum();
	}

	// The selection: at most the guide's projects; a reason when a higher-ranked one is left out.
	var selection = document.getElementById('selection-form');
	if (selection) {
		var limit = Number(selection.dataset.limit);
		var reason = document.getElementById('selection-reason');
		var count = document.getElementById('selection-count');
		var boxes = Array.prototype.slice.call(selection.querySelectorAll('input[type=checkbox][name=applicationId]'));
		var usable = boxes.filter(function (box) {
			return !box.disabled;
		});

		var updateSelection = function () {
			var chosen = usable.filter(function (box) {
				return box.checked;
			});
			var worst = chosen.reduce(function (max, box) {
				return Math.max(max, Number(box.dataset.rank));
			}, 0);
			var departs = usable.some(function (box) {
				return !box.checked && Number(box.dataset.rank) < worst;
			});
			usable.forEach(function (box) {
				box.disabled = !box.checked && chosen.length >= limit;
			});
			if (reason) {
				var typed = reason.querySelector('textarea');
				reason.hidden = !departs && !(typed && typed.value.trim() !== '')
					&& !reason.querySelector('.field-error');
			}
			if (count) {
				count.textContent = fill(count.dataset.template, { count: chosen.length });
			}
		};

		selection.addEventListener('change', updateSelection);
		updateSelection();
	}

	// A refused draft (422 out of range, 409 closed) still shows its message in place.
	document.body.addEventListener('htmx:beforeSwap', function (event) {
		var status = event.detail.xhr.status;
		if (event.detail.target && event.detail.target.id === 'draft-status' && (status === 409 || status === 422)) {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});
})();
