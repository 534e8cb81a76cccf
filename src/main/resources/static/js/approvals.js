// The department's approval queue: one checkbox checks or clears every application on the
// page that may be decided, and the count of those checked is shown by the button.
// Loaded by <script src> only: the Content-Security-Policy forbids inline scripts.
(function () {
	'use strict';

	var form = document.getElementById('decide-form');
	if (!form) {
		return;
	}
	var all = form.querySelector('input[data-select-all]');
	var boxes = function () {
		return Array.prototype.slice.call(form.querySelectorAll('input[name="applicationId"]:not(:disabled)'));
	};
	var count = document.getElementById('decide-count');
	var update = function () {
		var checked = boxes().filter(function (box) { return box.checked; }).length;
		if (count) {
			count.textContent = count.getAttribute('data-template').replace('{count}', String(checked));
		}
		if (all) {
			all.checked = checked > 0 && checked === boxes().length;
		}
	};
	if (all) {
		all.addEventListener('change', function () {
			boxes().forEach(function (box) { box.checked = all.checked; });
			update();
		});
	}
	form.addEventListener('change', function (event) {
		if (event.target && event.target.name === 'applicationId') {
			update();
		}
	});
	update();
}());
