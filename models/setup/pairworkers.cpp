#include "setup/pairworkers.h"

#include "host/serverworker.h"

#include <QElapsedTimer>

namespace {
struct Timed
{
    Result<QString> result;
    qint64 ms = 0;
    QList<HostNotice> notices; ///< e.g. a host key the SSH shell trusted on the way
};
} // namespace

PairWorkers::PairWorkers(const PairProfile& profile, const SetupOptions& options, EventSink onEvent)
    : m_profile(profile)
    , m_sequential(options.sequential)
    , m_onEvent(std::move(onEvent))
{
    for (int i = 0; i < 2; ++i) {
        m_workers[i] = std::make_unique<ServerWorker>(i, m_profile.servers[i]);
        if (options.shellFactory)
            m_workers[i]->setShellFactory(options.shellFactory);
    }
}

PairWorkers::~PairWorkers() = default;

Result<void> PairWorkers::run(const QString& stepId, const ServerStep& forA, const ServerStep& forB,
    bool stopOnError, bool oneAfterTheOther)
{
    const ServerStep* fns[2] = { &forA, &forB };
    QFuture<Timed> futures[2];
    std::optional<StepError> firstError;
    auto report = [&](SetupEvent::Kind kind, int i, const QString& text, qint64 ms) {
        SetupEvent e;
        e.kind = kind;
        e.server = m_profile.servers[i].name;
        e.step = stepId;
        e.text = text;
        e.elapsedMs = ms;
        if (m_onEvent)
            m_onEvent(e);
    };
    auto launch = [&](int i) {
        report(SetupEvent::Kind::StepStarted, i, tr("started"), -1);
        const ServerStep fn = *fns[i];
        futures[i] = m_workers[i]->submit([fn](ServerContext& ctx) {
            QElapsedTimer t;
            t.start();
            Timed r { fn(ctx), 0 };
            r.ms = t.elapsed();
            r.notices = ctx.takeNotices();
            return r;
        });
    };
    auto collect = [&](int i) -> bool {
        futures[i].waitForFinished();
        const Timed r = futures[i].result();
        for (const HostNotice& n : r.notices) {
            SetupEvent e;
            e.kind = SetupEvent::Kind::Info;
            e.server = m_profile.servers[i].name;
            e.step = n.id;
            e.text = n.text;
            if (m_onEvent)
                m_onEvent(e);
        }
        if (r.result) {
            report(SetupEvent::Kind::StepFinished, i, *r.result, r.ms);
            return true;
        }
        report(SetupEvent::Kind::StepFailed, i, r.result.error().text, r.ms);
        if (!firstError) {
            firstError = r.result.error();
            if (firstError->server.isEmpty())
                firstError->server = m_profile.servers[i].name;
            firstError->step = stepId;
        }
        return false;
    };
    bool ok = true;
    if (m_sequential || oneAfterTheOther) {
        for (int i = 0; i < 2; ++i)
            if (*fns[i] && (ok || !stopOnError)) {
                launch(i);
                ok = collect(i) && ok;
            }
    } else {
        for (int i = 0; i < 2; ++i)
            if (*fns[i])
                launch(i);
        for (int i = 0; i < 2; ++i)
            if (*fns[i])
                ok = collect(i) && ok;
    }
    if (firstError)
        return std::unexpected(*firstError);
    return {};
}
