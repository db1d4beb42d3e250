// The VAE page: polls /train/vae/data/<session> every 2 s (the session DL4J's selector chose) and draws it with
// flot. window.vaePage.data holds the last data drawn (for tests and the browser console).
var vaePage = {data: null, session: null, lastUpdate: 0};

// Ten label colours (distinct on white), reused for more labels.
var VAE_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"];

function vaeFixed(v, digits) {
    return (v === null || v === undefined) ? "-" : Number(v).toFixed(digits);
}

function vaePairs(xs, ys) {
    var out = [];
    for (var i = 0; i < xs.length && i < ys.length; i++) {
        out.push([xs[i], ys[i]]);
    }
    return out;
}

function vaeMessage(text) {
    $("#vaeMessage").text(text || "").toggle(!!text);
}

function vaeDrawCosts(d) {
    var it = d.iterations;
    var series = [
        {label: "reconstruction", data: vaePairs(it.iteration, it.rec), color: VAE_COLOURS[0]},
        {label: "KL (right)", data: vaePairs(it.iteration, it.kl), color: VAE_COLOURS[1], yaxis: 2}
    ];
    if (it.klWeight.length > 0) {
        series.push({label: "KL weight (0 to 1)", data: vaePairs(it.iteration, it.klWeight), color: VAE_COLOURS[2],
            yaxis: 3, lines: {lineWidth: 1}});
        $("#vaeKlWeightNote").text("KL schedule on: training minimises reconstruction + weight x KL (the weight is drawn"
            + " on a scale of 0 to 1).");
    }
    $.plot($("#vaeCostChart"), series, {
        yaxes: [{}, {position: "right"}, {show: false, min: 0, max: 1.05}],
        legend: {position: "ne"}
    });
}

function vaeDrawEpochs(d) {
    var e = d.epochs;
    var series = [
        {label: "training rec", data: vaePairs(e.epoch, e.trainRec), color: VAE_COLOURS[0]},
        {label: "validation rec", data: vaePairs(e.epoch, e.validRec), color: VAE_COLOURS[9]},
        {label: "training KL (right)", data: vaePairs(e.epoch, e.trainKl), color: VAE_COLOURS[1], yaxis: 2},
        {label: "validation KL (right)", data: vaePairs(e.epoch, e.validKl), color: VAE_COLOURS[3], yaxis: 2}
    ];
    $.plot($("#vaeEpochChart"), series, {
        series: {lines: {show: true}, points: {show: true, radius: 2}},
        xaxis: {tickDecimals: 0}, yaxes: [{}, {position: "right"}], legend: {position: "ne"}
    });
    var last = e.epoch.length - 1;
    if (last >= 0) {
        $("#vaeEpoch").text(e.epoch[last]);
        $("#trainCost").text(vaeFixed(e.trainCost[last], 2) + " (" + vaeFixed(e.trainRec[last], 2) + " + "
            + vaeFixed(e.trainKl[last], 2) + ")");
        $("#validCost").text(vaeFixed(e.validCost[last], 2));
        $("#validRec").text(vaeFixed(e.validRec[last], 2));
        $("#validKl").text(vaeFixed(e.validKl[last], 2));
        $("#klWeight").text(e.klWeight.length > 0 ? vaeFixed(e.klWeight[last], 3) : "1 (no schedule)");
    }
}

function vaeDrawKlPerDim(d) {
    var k = d.klPerDim;
    var dims = k.values.length > 0 ? k.values[0].length : 0;
    var series = [];
    for (var j = 0; j < dims; j++) {
        var points = [];
        for (var i = 0; i < k.values.length; i++) {
            points.push([k.iteration[i], k.values[i][j]]);
        }
        series.push({label: "z" + j, data: points, color: VAE_COLOURS[j % VAE_COLOURS.length]});
    }
    $.plot($("#vaeKlDimChart"), series, {legend: {show: dims <= 10, position: "ne"}, yaxis: {min: 0}});
}

function vaeDrawLatent(f) {
    var p = f.points;
    var byLabel = {};
    for (var i = 0; i < p.x.length; i++) {
        var l = p.label[i];
        (byLabel[l] = byLabel[l] || []).push([p.x[i], p.y[i]]);
    }
    var series = [];
    Object.keys(byLabel).sort(function (a, b) { return a - b; }).forEach(function (l) {
        var name = l < 0 ? "unlabelled" : (p.names[l] || ("label " + l));
        series.push({label: name, data: byLabel[l], color: l < 0 ? "#7f7f7f" : VAE_COLOURS[l % VAE_COLOURS.length],
            points: {show: true, radius: 1.5, fill: true}, lines: {show: false}});
    });
    $.plot($("#vaeLatentChart"), series, {legend: {position: "ne", backgroundOpacity: 0.6}});
    var dims = f.dims.length > 1 ? "z" + f.dims[0] + " (x) and z" + f.dims[1] + " (y)" : "z" + f.dims[0];
    $("#vaeLatentTitle").text("Posterior means of " + p.x.length + " validation examples, " + dims
        + ", epoch " + f.epoch);
    $("#activeUnits").text(f.active + " of " + f.activity.length + " (epoch " + f.epoch + ")");
}

function vaeDrawExamples(f) {
    if (f.images) {
        $("#vaeFiguresTitle").text("Reconstructions and samples, epoch " + f.epoch);
        $("#vaeReconstructions").attr("src", f.images.reconstructions);
        $("#vaeSamples").attr("src", f.images.samples);
        if (f.images.manifold) {
            $("#vaeManifold").attr("src", f.images.manifold);
        }
        $("#vaeManifoldBox").toggle(!!f.images.manifold);
        $("#vaeImages").show();
        $("#vaeTableBox").hide();
    } else if (f.table) {
        $("#vaeFiguresTitle").text("Reconstructed features, epoch " + f.epoch);
        var t = $("#vaeTable").empty();
        var columns = f.table.rows.length > 0 ? f.table.rows[0].x.length : 0;
        var head = $("<tr>").append($("<th>").text("example"));
        for (var c = 0; c < columns; c++) {
            head.append($("<th>").text("x" + c));
        }
        t.append(head);
        f.table.rows.forEach(function (row, i) {
            var tr = $("<tr>").append($("<td>").text(i + ": x / rec"));
            for (var c = 0; c < columns; c++) {
                tr.append($("<td>").text(vaeFixed(row.x[c], 3) + " / " + vaeFixed(row.rec[c], 3)));
            }
            t.append(tr);
        });
        if (f.table.features > columns) {
            t.append($("<tr>").append($("<td>").attr("colspan", columns + 1)
                .text("first " + columns + " of " + f.table.features + " features")));
        }
        $("#vaeTableBox").show();
        $("#vaeImages").hide();
    }
}

function vaeDraw(d) {
    vaePage.data = d;
    if (d.epochs.epoch.length === 0 && d.iterations.iteration.length === 0) {
        vaeMessage("Session " + d.session + " has no VAE reports yet (the first come after "
            + "ui.report-every iterations; runs trained before the VAE page existed have none).");
    } else if (d.figuresError) {
        vaeMessage("The figures could not be computed: " + d.figuresError);
    } else {
        vaeMessage("");
    }
    vaeDrawCosts(d);
    vaeDrawEpochs(d);
    vaeDrawKlPerDim(d);
    if (d.figures) {
        vaeDrawLatent(d.figures);
        vaeDrawExamples(d.figures);
    }
}

function vaeRefresh() {
    updateSessionWorkerSelect();
    getSessionSettings(function () {
        if (!currSession) {
            vaeMessage("No training session yet.");
            return;
        }
        var since = currSession === vaePage.session ? vaePage.lastUpdate : 0;
        $.ajax({
            url: "/train/vae/data/" + encodeURIComponent(currSession) + "?since=" + since,
            dataType: "json",
            error: function (query, status, error) { vaeMessage("No VAE data: " + error); },
            success: function (d) {
                if (d.unchanged) {
                    return;
                }
                vaePage.session = currSession;
                vaePage.lastUpdate = d.lastUpdate;
                vaeDraw(d);
            }
        });
    });
}

$(document).ready(function () {
    vaeRefresh();
    setInterval(vaeRefresh, 2000);
});
