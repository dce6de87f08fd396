#include "monitor/incidentreport.h"

#include "common/stepid.h"
#include "monitor/topologymodel.h"

#include <QDateTime>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace {
QString utc(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QString();
}

QString cell(const QString& text)
{
    return QStringLiteral("<td>%1</td>")
        .arg(text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}
} // namespace

QString IncidentReport::html(const TopologyModel& model, const QList<ReplicationEvent>& events)
{
    QString h;
    h += QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
             .arg(tr("RepliPair report: %1").arg(model.pairName()).toHtmlEscaped());
    h += QStringLiteral("<h1>%1</h1>").arg(tr("RepliPair report: %1").arg(model.pairName()).toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Written %1").arg(utc(QDateTime::currentDateTimeUtc())).toHtmlEscaped());

    h += QStringLiteral("<h2>%1</h2><table border=\"1\" cellpadding=\"4\">")
             .arg(tr("Current state").toHtmlEscaped());
    h += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th></tr>")
             .arg(tr("Server").toHtmlEscaped(), tr("Reachable").toHtmlEscaped(),
                 tr("Replication into it").toHtmlEscaped());
    for (int i = 0; i < 2; ++i) {
        const TopologyModel::Server& s = model.server(i);
        const TopologyModel::Link& l = model.link(TopologyModel::directionInto(i));
        QString replication;
        if (!l.status.configured)
            replication = tr("not configured");
        else {
            replication
                = tr("IO thread %1, SQL thread %2").arg(l.status.ioThreadText(), l.status.sqlThreadText());
            if (const auto lag = l.lag())
                replication += QLatin1String("; ") + tr("%1 s behind").arg(*lag, 0, 'f', 1);
            if (const QString e = l.errorText(); !e.isEmpty())
                replication += QLatin1Char('\n') + e;
        }
        h += QStringLiteral("<tr>") + cell(tr("%1 (%2)").arg(s.name, s.endpoint))
            + cell(!s.known       ? tr("not known")
                    : s.reachable ? tr("yes")
                                  : tr("no: %1").arg(s.error))
            + cell(replication) + QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");

    const PairState& state = model.pairState();
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Data").toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg((state.agreement == PairState::Agreement::Unknown
                     ? tr("not compared by RepliPair since setup")
                     : state.agreementLine())
                      .toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg((state.lastCompared.isValid()
                     ? tr("Last comparison: %1, %2").arg(utc(state.lastCompared), state.lastComparison)
                     : tr("Last comparison: none recorded"))
                      .toHtmlEscaped());
    if (!state.fenced.isEmpty())
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("Fenced: %1 since %2: %3")
                          .arg(state.fenced.join(QStringLiteral(", ")), utc(state.since), state.reason)
                          .toHtmlEscaped());

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Incident history").toHtmlEscaped());
    if (events.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(tr("No event since the pair was opened.").toHtmlEscaped());
    } else {
        h += QStringLiteral(
            "<table border=\"1\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th>"
            "<th>%5</th></tr>")
                 .arg(tr("Time").toHtmlEscaped(), tr("Server").toHtmlEscaped(), tr("Event").toHtmlEscaped(),
                     tr("Id").toHtmlEscaped(), tr("Details").toHtmlEscaped());
        for (const ReplicationEvent& e : events) {
            const QString title = e.code ? tr("%1 %2").arg(ReplicationEvent::kindTitle(e.kind)).arg(e.code)
                                         : ReplicationEvent::kindTitle(e.kind);
            const QString text = e.kind == ReplicationEvent::Kind::UserAction && e.failed
                ? tr("failed: %1").arg(e.text)
                : e.text;
            h += QStringLiteral("<tr>") + cell(utc(e.time)) + cell(e.server) + cell(title)
                + cell(ReplicationEvent::kindName(e.kind)) + cell(text) + QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

Result<void> IncidentReport::write(const QString& path, const QString& html)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return stepFailure({}, StepId::Monitor, tr("cannot write %1: %2").arg(path, f.errorString()));
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(&f);
        pdf.setTitle(QStringLiteral("RepliPair"));
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&pdf);
    } else {
        f.write(html.toUtf8());
    }
    if (!f.commit())
        return stepFailure({}, StepId::Monitor, tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}
