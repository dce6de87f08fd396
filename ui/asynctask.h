#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

/** Hands a QFuture's result to a callback on @p context's thread once it is ready; the callback is skipped
 *  when @p context is gone by then, and the watcher deletes itself either way (the KeePassXC AsyncTask
 *  idea). The one place the GUI waits for the engine's futures: never blocking, never a nested loop. */
namespace AsyncTask {

template<typename T, typename Callback>
void runThenCallback(QFuture<T> future, QObject* context, Callback callback)
{
    auto* watcher = new QFutureWatcher<T>();
    // owned by nobody: it deletes itself when the future is done, whether or not the context still exists
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context, [watcher, callback = std::move(callback)]() mutable {
            if constexpr (std::is_void_v<T>)
                callback();
            else
                callback(watcher->result());
        });
    watcher->setFuture(std::move(future));
}

} // namespace AsyncTask
