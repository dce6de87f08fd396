#include "screenshottour.h"

#include "common/stepid.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/replicationeventdetector.h"
#include "monitor/statuscharts.h"
#include "monitor/statushistory.h"
#include "monitor/topologymodel.h"
#include "topology/topologyview.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/setupwizard.h"

#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>
#include <QtMath>

namespace {
constexpr int kSettleMs = 600;

ServerInspection sampleInspection(const QString& name, qint64 id, const QString& host, int port)
{
    ServerInspection i;
    i.server = name;
    i.reachable = true;
    i.versionString = QStringLiteral("10.11.6-MariaDB-0+deb12u1-log");
    i.version = ServerVersion::parse(i.versionString);
    i.serverId = id;
    i.hostname = host;
    i.datadir = QStringLiteral("/var/lib/mysql/");
    i.port = port;
    i.logBin = true;
    i.binlogFormat = QStringLiteral("ROW");
    i.gtidBinlogPos = QStringLiteral("0-%1-1042").arg(id);
    i.databases = QStringList { QStringLiteral("shop") };
    i.variables.insert(QStringLiteral("auto_increment_increment"), QStringLiteral("2"));
    i.variables.insert(QStringLiteral("auto_increment_offset"), QString::number(id));
    i.variables.insert(QStringLiteral("log_slave_updates"), QStringLiteral("ON"));
    i.replica.configured = true;
    i.replica.ioState = QStringLiteral("Yes");
    i.replica.ioRunning = true;
    i.replica.sqlRunning = true;
    i.replica.secondsBehind = 0;
    i.replica.usingGtid = true;
    return i;
}

PairProfile samplePair()
{
    PairProfile p;
    p.name = QStringLiteral("shop");
    p.databases = QStringList { QStringLiteral("shop") };
    p.servers[0].name = QStringLiteral("A");
    p.servers[0].host = QStringLiteral("db1.example.net");
    p.servers[1].name = QStringLiteral("B");
    p.servers[1].host = QStringLiteral("db2.example.net");
    for (ServerProfile& s : p.servers) {
        s.hasSsh = true;
        s.ssh.host = s.host;
        s.ssh.user = QStringLiteral("admin");
        s.ssh.keyFile = QStringLiteral("~/.ssh/id_ed25519");
        s.ssh.sudo = true;
    }
    return p;
}
} // namespace

ScreenshotTour::ScreenshotTour(const QString& dir, const QString& suffix, QObject* parent)
    : QObject(parent)
    , m_dir(dir)
    , m_suffix(suffix)
{ }

ScreenshotTour::~ScreenshotTour()
{
    if (m_window)
        m_window->statusCharts()->setHistory(nullptr);
    delete m_wizard;
    delete m_window;
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_dir);
    m_window = new MainWindow;
    m_window->resize(1280, 800);
    m_window->show();
    showSamplePair();
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::shootMain);
}

void ScreenshotTour::showSamplePair()
{
    TopologyModel* model = m_window->topologyModel();
    const PairProfile p = samplePair();
    model->setProfile(p);
    model->applyInspection(0, sampleInspection(QStringLiteral("A"), 1, p.servers[0].host, 3306));
    ServerInspection b = sampleInspection(QStringLiteral("B"), 2, p.servers[1].host, 3306);
    b.readOnly = false;
    model->applyInspection(1, b);
    ReplicaStatus lagging = b.replica;
    lagging.secondsBehind = 12;
    model->applyReplicaStatus(1, lagging, 11.6);
    // after a break: A's SQL thread stopped on a duplicate key, under the banner with its safe actions
    ReplicaStatus broken = sampleInspection(QStringLiteral("A"), 1, p.servers[0].host, 3306).replica;
    broken.sqlRunning = false;
    broken.secondsBehind.reset();
    broken.lastSqlErrno = 1062;
    broken.lastSqlError = QStringLiteral(
        "Could not execute Write_rows_v1 event on table shop.orders; Duplicate entry '4711' for key "
        "'PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY");
    model->applyReplicaStatus(0, broken);
    ReplicationEvent lag;
    lag.time = QDateTime::currentDateTimeUtc().addSecs(-20);
    lag.serverIndex = 1;
    lag.server = p.servers[1].name;
    lag.kind = ReplicationEvent::Kind::LagHigh;
    lag.text = ReplicationEventDetector::tr("%1 is %2 s behind its source (threshold %3 s)")
                   .arg(lag.server)
                   .arg(11.6, 0, 'f', 1)
                   .arg(5.0, 0, 'f', 1);
    m_window->alertBanner()->showAlert(lag);
    ReplicationEvent error;
    error.time = QDateTime::currentDateTimeUtc();
    error.serverIndex = 0;
    error.server = p.servers[0].name;
    error.kind = ReplicationEvent::Kind::SqlError;
    error.code = 1062;
    error.text = broken.lastSqlError;
    m_window->alertBanner()->showAlert(error);
    m_window->topologyView()->selectServer(0);
}

bool ScreenshotTour::save(QWidget* widget, const QString& name)
{
    const QString path = QStringLiteral("%1/%2-%3.png").arg(m_dir, name, m_suffix);
    const bool ok = widget->grab().save(path, "PNG");
    if (!ok)
        m_ok = false;
    qInfo("%s %s", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

void ScreenshotTour::shootMain()
{
    save(m_window->topologyView(), QStringLiteral("canvas"));
    save(m_window, QStringLiteral("main"));
    shootCharts();
}

void ScreenshotTour::shootCharts()
{
    // five minutes of a pair where B fell behind for a while and caught up
    m_history = std::make_unique<StatusHistory>(2, 4000, 100);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 t = now - 300000; t <= now; t += 1000) {
        const double x = double(t - (now - 300000)) / 1000.0;
        for (int server = 0; server < 2; ++server) {
            HistoryPoint p;
            p.timeMs = t;
            const double bump = server == 1 && x > 90 && x < 200 ? 8.0 * qSin((x - 90) / 110.0 * M_PI) : 0.0;
            p.heartbeatLag = float(0.05 + 0.03 * qSin(x / 7.0 + server) + bump);
            p.secondsBehind = float(qFloor(bump));
            p.backlogBytes = float(bump * 120000.0 + 500 * (1 + qSin(x / 5.0)));
            p.flags = HistoryPoint::Reachable | HistoryPoint::Configured | HistoryPoint::IoRunning;
            if (!(server == 1 && x > 140 && x < 165))
                p.flags |= HistoryPoint::SqlRunning;
            m_history->append(server, p);
        }
    }
    m_window->statusCharts()->setHistory(m_history.get());
    m_window->statusCharts()->setRangeSec(300);
    m_window->tabs()->setCurrentWidget(m_window->statusCharts());
    QTimer::singleShot(kSettleMs, this, [this] {
        m_window->statusCharts()->refresh();
        save(m_window->statusCharts(), QStringLiteral("charts"));
        m_window->tabs()->setCurrentIndex(0);
        openWizard();
    });
}

void ScreenshotTour::openWizard()
{
    m_wizard = new SetupWizard(samplePair());
    m_wizard->resize(900, 700);
    m_wizard->show();
    m_wizard->next(); // server A
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::shootServerPage);
}

void ScreenshotTour::shootServerPage()
{
    save(m_wizard, QStringLiteral("wizard-server"));
    // pre-flight and plan pages with sample verdicts; what the runners say about the fake hosts is replaced
    delete m_wizard;
    PairProfile p = samplePair();
    // unreachable on purpose (port 1 refuses at once): the pages then show the sample results fed to them
    for (ServerProfile& s : p.servers) {
        s.host = QStringLiteral("127.0.0.1");
        s.port = 1;
        s.hasSsh = false;
    }
    m_wizard = new SetupWizard(p);
    m_wizard->resize(900, 700);
    m_wizard->setStartId(SetupWizard::PreflightPageId);
    m_wizard->show();
    whenIdle(&ScreenshotTour::shootPreflight);
}

void ScreenshotTour::whenIdle(void (ScreenshotTour::*next)())
{
    auto* poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, poll, next] {
        if (m_wizard->preflightPage()->isRunning() || m_wizard->planPage()->isRunning())
            return;
        poll->deleteLater();
        (this->*next)();
    });
    poll->start();
}

void ScreenshotTour::shootPreflight()
{
    SetupPlan plan;
    auto finding = [](Finding::Severity sev, const QString& server, const QString& text, const QString& fix) {
        Finding f;
        f.severity = sev;
        f.server = server;
        f.text = text;
        f.fix = fix;
        return f;
    };
    plan.findings << finding(
        Finding::Severity::Ok, QString(), tr("Both servers answer; MariaDB 10.11 on both sides"), QString())
                  << finding(Finding::Severity::Ok, QString(), tr("server_id differs (1 and 2)"), QString())
                  << finding(Finding::Severity::Warning, QStringLiteral("A"),
                         tr("binlog_format is MIXED while only some databases are replicated"),
                         tr("The plan sets binlog_format=ROW"))
                  << finding(Finding::Severity::Warning, QStringLiteral("B"), tr("log_bin is off"),
                         tr("The plan enables the binary log; B restarts once"));
    m_wizard->preflightPage()->showResult(plan);
    QTimer::singleShot(kSettleMs, this, [this] {
        save(m_wizard, QStringLiteral("wizard-preflight"));
        m_wizard->setStartId(SetupWizard::PlanPageId);
        m_wizard->restart();
        whenIdle(&ScreenshotTour::shootPlan);
    });
}

void ScreenshotTour::shootPlan()
{
    SetupPlan plan;
    PlanStep user;
    user.id = QStringLiteral("user");
    user.server = QStringLiteral("A");
    user.title = tr("Create the replication account for B");
    user.sql = QStringList {
        QStringLiteral("CREATE USER IF NOT EXISTS 'replication'@'db2.example.net' IDENTIFIED BY '***'"),
        QStringLiteral("GRANT REPLICATION SLAVE ON *.* TO 'replication'@'db2.example.net'")
    };
    user.check = tr("the account exists with REPLICATION SLAVE only");
    user.undo = QStringLiteral("DROP USER 'replication'@'db2.example.net'");
    PlanStep config;
    config.id = StepId::Config;
    config.server = QStringLiteral("A");
    config.title = tr("Write /etc/mysql/mariadb.conf.d/60-replipair.cnf");
    config.diff = QStringLiteral(
        "--- /etc/mysql/mariadb.conf.d/60-replipair.cnf\n+++ /etc/mysql/mariadb.conf.d/60-replipair.cnf\n"
        "@@ -0,0 +1,7 @@\n+[mariadb]\n+server_id = 1\n+log_bin = mysql-bin\n+log_slave_updates = ON\n"
        "+sync_binlog = 1\n+auto_increment_increment = 2\n+auto_increment_offset = 1\n");
    config.check = tr("the effective values after the restart");
    config.undo = tr("restore the backup 60-replipair.cnf.replipair-bak");
    PlanStep change;
    change.id = StepId::ChangeSource;
    change.server = QStringLiteral("B");
    change.title = tr("Replicate from A");
    change.sql = QStringList {
        QStringLiteral("CHANGE MASTER TO MASTER_HOST='db1.example.net', MASTER_PORT=3306, "
                       "MASTER_USER='replication', MASTER_PASSWORD='***', MASTER_USE_GTID=slave_pos"),
        QStringLiteral("START SLAVE")
    };
    plan.steps << user << config << change;
    m_wizard->planPage()->showPlan(plan);
    QTimer::singleShot(0, this, [this] {
        // show the config step, the most telling one
        if (auto* list = m_wizard->findChild<QListWidget*>(QStringLiteral("planSteps")))
            list->setCurrentRow(1);
    });
    QTimer::singleShot(kSettleMs, this, [this] {
        save(m_wizard, QStringLiteral("wizard-plan"));
        Q_EMIT finished(m_ok);
    });
}
