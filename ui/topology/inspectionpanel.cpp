#include "topology/inspectionpanel.h"

#include "monitor/topologymodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QTreeWidgetItem* row(QTreeWidgetItem* parent, const QString& key, const QString& value)
{
    auto* item = new QTreeWidgetItem(parent, { key, value });
    item->setToolTip(1, value);
    return item;
}

QString yesNo(bool on)
{
    return on ? InspectionPanel::tr("yes") : InspectionPanel::tr("no");
}

QString clock(const QDateTime& time)
{
    return time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

InspectionPanel::InspectionPanel(TopologyModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("inspectionPanel"));
    m_title->setObjectName(QStringLiteral("inspectionTitle"));
    m_title->setWordWrap(true);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_tree->setObjectName(QStringLiteral("inspectionTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Property"), tr("Value") });
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Inspection of the selected server"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);
    connect(model, &TopologyModel::modelReset, this, [this] {
        m_inspectedAt[0] = m_inspectedAt[1] = QDateTime();
        refresh();
    });
    connect(model, &TopologyModel::serverChanged, this, [this](int index) {
        // the writer role's verdict depends on the other server too
        if (index == m_index || (m_index >= 0 && m_model->writerIndex() >= 0))
            refresh();
    });
    connect(model, &TopologyModel::pairStateChanged, this, &InspectionPanel::refresh);
    connect(model, &TopologyModel::linkChanged, this, [this](int direction) {
        if (TopologyModel::directionInto(m_index) == direction)
            refresh();
    });
    refresh();
}

void InspectionPanel::setServer(int index)
{
    m_index = index;
    refresh();
}

void InspectionPanel::setInspectedAt(int index, const QDateTime& time)
{
    m_inspectedAt[index] = time;
    if (index == m_index)
        refresh();
}

QTreeWidgetItem* InspectionPanel::section(const QString& title)
{
    auto* item = new QTreeWidgetItem(m_tree, { title });
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void InspectionPanel::refresh()
{
    const int scroll
        = m_tree->verticalScrollBar()->value(); // refreshed every sample: keep the reader's place
    m_tree->clear();
    if (m_index < 0 || !m_model->hasPair()) {
        m_title->setText(tr("Select a server on the canvas to see its inspection."));
        return;
    }
    const TopologyModel::Server& s = m_model->server(m_index);
    m_title->setText(tr("Server %1 — %2").arg(s.name, s.endpoint));
    addLiveSection();
    addInspectionSections();
    m_tree->expandAll();
    m_tree->verticalScrollBar()->setValue(scroll);
}

void InspectionPanel::addLiveSection()
{
    const TopologyModel::Server& s = m_model->server(m_index);
    const TopologyModel::Link& l = m_model->link(TopologyModel::directionInto(m_index));
    if (!s.known) {
        row(section(tr("Now")), tr("Status"), tr("not inspected yet (press F5)"));
        return;
    }
    // the live monitor's newest sample, with the time it was read; before the monitor reports, the
    // inspection's, said as such
    QTreeWidgetItem* now = section(!l.updated.isValid() ? tr("Replication now")
            : l.fromMonitor                             ? tr("Replication now (%1)").arg(clock(l.updated))
                            : tr("Replication at the last inspection (%1)").arg(clock(l.updated)));
    if (!s.reachable) {
        row(now, tr("Reachable"), tr("no: %1").arg(s.error));
        return;
    }
    row(now, tr("Reachable"), yesNo(true));
    // the pair's data: green threads do not say the data agree after a skip
    if (const PairState& state = m_model->pairState(); state.agreement != PairState::Agreement::Unknown)
        row(now, tr("Data"), state.agreementLine());
    if (s.readOnly)
        row(now, tr("read_only"), yesNo(*s.readOnly));
    if (const int writer = m_model->writerIndex(); writer >= 0) {
        row(now, tr("Role"),
            writer == m_index ? tr("writer: takes the application's writes")
                              : tr("reader: read-only, replication applies here"));
        if (const WriterCheck::Verdict v = m_model->writerVerdict(); v != WriterCheck::Verdict::Fine)
            row(now, tr("Writer role problem"),
                WriterCheck::problem(v, m_model->server(writer).name, m_model->server(1 - writer).name));
    }
    const ReplicaStatus& r = l.status;
    if (!r.configured) {
        row(now, tr("Configured"), yesNo(false));
        return;
    }
    row(now, tr("Source"), m_model->server(1 - m_index).name);
    row(now, tr("IO thread"), r.ioThreadText());
    row(now, tr("SQL thread"), r.sqlThreadText());
    // NULL is not 0: a stopped SQL thread is not "0 s behind"
    row(now, tr("Seconds behind"),
        r.secondsBehind ? QString::number(*r.secondsBehind) : tr("NULL (not applying)"));
    if (l.heartbeatLag)
        row(now, tr("Heartbeat lag"), tr("%1 s").arg(*l.heartbeatLag, 0, 'f', 2));
    if (r.lastIoErrno != 0)
        row(now, tr("Last IO error"), QStringLiteral("%1: %2").arg(r.lastIoErrno).arg(r.lastIoError));
    if (r.lastSqlErrno != 0)
        row(now, tr("Last SQL error"), QStringLiteral("%1: %2").arg(r.lastSqlErrno).arg(r.lastSqlError));
    if (!r.tlsText().isEmpty())
        row(now, tr("TLS from %1").arg(m_model->server(1 - m_index).name), r.tlsText());
}

void InspectionPanel::addInspectionSections()
{
    if (!m_model->hasInspection(m_index))
        return;
    const ServerInspection& i = m_model->inspection(m_index);
    const QDateTime at = m_inspectedAt[m_index];
    QTreeWidgetItem* server
        = section(at.isValid() ? tr("Last inspection (%1, F5 inspects again)").arg(clock(at))
                               : tr("Last inspection (F5 inspects again)"));
    if (!i.reachable) {
        row(server, tr("Reachable"), tr("no: %1").arg(i.error.text));
        return;
    }
    row(server, tr("Version"), i.versionString);
    row(server, tr("server_id"), QString::number(i.serverId));
    if (!i.serverUuid.isEmpty())
        row(server, tr("server_uuid"), i.serverUuid);
    row(server, tr("Host name"), i.hostname);
    row(server, tr("Data directory"), i.datadir);
    row(server, tr("Port"), QString::number(i.port));

    QTreeWidgetItem* binlog = section(tr("Binary log"));
    row(binlog, tr("log_bin"), yesNo(i.logBin));
    row(binlog, tr("binlog_format"), i.binlogFormat);
    if (!i.gtidMode.isEmpty())
        row(binlog, tr("gtid_mode"), i.gtidMode);
    row(binlog, tr("GTID position"), i.gtidBinlogPos);
    if (!i.binlogDoDb.isEmpty())
        row(binlog, tr("Binlog_Do_DB"), i.binlogDoDb);
    if (!i.binlogIgnoreDb.isEmpty())
        row(binlog, tr("Binlog_Ignore_DB"), i.binlogIgnoreDb);

    const ReplicaStatus& r = i.replica;
    if (r.configured && !r.sourceHost.isEmpty()) {
        QTreeWidgetItem* replica = section(tr("Replica source"));
        row(replica, tr("Source"),
            QStringLiteral("%1@%2:%3").arg(r.sourceUser, r.sourceHost).arg(r.sourcePort));
        row(replica, tr("Using GTID"), yesNo(r.usingGtid));
    }
    if (!i.variables.isEmpty()) {
        QTreeWidgetItem* vars = section(tr("Settings the plan touches"));
        for (auto it = i.variables.cbegin(); it != i.variables.cend(); ++it)
            row(vars, it.key(), it.value());
    }
    QTreeWidgetItem* dbs = section(tr("Databases"));
    row(dbs, tr("User databases"),
        i.databases.isEmpty() ? tr("none") : i.databases.join(QStringLiteral(", ")));
    QTreeWidgetItem* privs = section(tr("Privileges"));
    row(privs, tr("Missing"),
        i.missingPrivileges.isEmpty() ? tr("none") : i.missingPrivileges.join(QStringLiteral(", ")));
    for (const QString& g : i.grants)
        row(privs, tr("Grant"), g);
}
