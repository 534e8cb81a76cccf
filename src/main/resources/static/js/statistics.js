// Draws each statistics chart from the JSON in its data-chart attribute (no inline script: CSP).
(function () {
    'use strict';
    var palette = ['#2f5d8a', '#4f8a5b', '#c28a2c', '#8a4f7d', '#5b7f95', '#a3553f'];

    function draw(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        // Horizontal bars throughout: long Chinese names read best on the category axis at the left.
        var single = data.series.length === 1;
        var category = {type: 'category', inverse: true, data: data.labels,
            axisLabel: {interval: 0, width: 130, overflow: 'truncate'}};
        var value = {type: 'value', axisLabel: {hideOverlap: true}};
        chart.setOption({
            color: palette,
            animation: false,
            // Rich-text tooltips are drawn on the canvas: HTML ones would need inline styles, which the CSP refuses.
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, renderMode: 'richText'},
            aria: {enabled: true},
            legend: single ? undefined : {top: 0},
            grid: {left: 140, right: single ? 90 : 24, top: single ? 12 : 32, bottom: 24},
            xAxis: value,
            yAxis: category,
            series: data.series.map(function (s) {
                return {name: s.name, type: 'bar', barMaxWidth: 18, data: s.values.map(Number),
                    label: {show: single, position: 'right'}};
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
