// Draws each statistics chart from the JSON in its data-chart attribute (no inline script: CSP).
(function () {
    'use strict';
    var palette = ['#2f5d8a', '#4f8a5b', '#c28a2c', '#8a4f7d', '#5b7f95', '#a3553f'];

    function draw(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element, null, {renderer: 'svg'});
        var funnel = data.kind === 'funnel';
        var category = {type: 'category', data: data.labels, axisLabel: {interval: 0, width: 120, overflow: 'truncate'}};
        var value = {type: 'value'};
        chart.setOption({
            color: palette,
            animation: false,
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            legend: data.series.length > 1 ? {top: 0} : undefined,
            grid: {left: funnel ? 110 : 50, right: 24, top: data.series.length > 1 ? 32 : 16, bottom: funnel ? 24 : 70},
            xAxis: funnel ? value : Object.assign({}, category, {axisLabel: {interval: 0, rotate: 30, width: 90, overflow: 'truncate'}}),
            yAxis: funnel ? Object.assign({}, category, {inverse: true}) : value,
            series: data.series.map(function (s) {
                return {name: s.name, type: 'bar', data: s.values.map(Number), label: {show: funnel, position: 'right'}};
            })
        });
        element.setAttribute('data-drawn', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
    }

    function drawAll() {
        if (typeof echarts === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
