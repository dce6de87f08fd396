#include "sandbox/demosandbox.h"

#include "sandbox/sandbox.h"

#include <QDir>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtConcurrent>

namespace {
// unix socket paths are limited to ~107 bytes; the sandbox puts sockets a few levels below its folder
constexpr int kMaxBaseLength = 60;
} // namespace

DemoSandbox::DemoSandbox(QObject* parent)
    : QObject(parent)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (base.isEmpty() || base.size() > kMaxBaseLength || !QDir().mkpath(base))
        base = QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/demo-XXXXXX"));
    if (!m_dir->isValid()) // e.g. a read-only data folder: fall back to the temporary folder
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/replipair-demo-XXXXXX"));
    m_sandbox = std::make_unique<Sandbox>(m_dir->path() + QStringLiteral("/sb"));
}

DemoSandbox::~DemoSandbox()
{
    stop();
}

QString DemoSandbox::dir() const
{
    return m_dir->path();
}

void DemoSandbox::start()
{
    if (!m_dir->isValid()) {
        Q_EMIT failed(tr("cannot create a folder for the demo: %1").arg(m_dir->errorString()));
        return;
    }
    Sandbox* sandbox = m_sandbox.get();
    m_starting = QtConcurrent::run([sandbox]() -> Result<PairProfile> {
        if (auto up = sandbox->up(2); !up)
            return std::unexpected(up.error());
        PairProfile p = sandbox->pairProfile();
        p.name = QStringLiteral("demo");
        p.filePath = sandbox->profilePath();
        return p;
    });
    auto* watcher = new QFutureWatcher<Result<PairProfile>>(this);
    connect(watcher, &QFutureWatcher<Result<PairProfile>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<PairProfile> r = watcher->result();
        if (m_stopped)
            return;
        if (!r) {
            Q_EMIT failed(r.error().toString());
            return;
        }
        Q_EMIT ready(*r);
    });
    watcher->setFuture(m_starting);
}

void DemoSandbox::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    // quitting: the servers must not outlive the app, so this waits for a start still under way
    if (m_starting.isValid() && !m_starting.isFinished())
        m_starting.waitForFinished();
    if (m_starting.isValid())
        m_sandbox->down();
}
