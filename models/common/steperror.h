#pragma once

#include <QCoreApplication>
#include <QString>
#include <expected>

/** An error travelling up to a face: which server, which step, the server's own code and text. */
struct StepError
{
    Q_DECLARE_TR_FUNCTIONS(StepError)
public:
    QString server; ///< profile name of the server ("A"), empty for pair-level errors
    QString step; ///< stable id (StepId), e.g. "connect", "config", "coordinates"; shown as StepId::title()
    int code = 0; ///< the server's errno where there is one, else 0
    QString text; ///< human text; never contains a password

    QString toString() const;
};

template<typename T> using Result = std::expected<T, StepError>;

inline std::unexpected<StepError> stepFailure(
    const QString& server, const QString& step, const QString& text, int code = 0)
{
    return std::unexpected(StepError { server, step, code, text });
}
