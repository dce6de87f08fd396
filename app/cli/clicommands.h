#pragma once

#include <QStringList>

/** replipair-cli: sandbox, inspect, plan, setup, status, monitor. Exit codes: 0 success,
 *  1 the operation failed, 2 bad input (unreadable profile, missing field, unknown option). */
namespace CliCommands {
enum ExitCode { Success = 0, Failed = 1, BadInput = 2 };
int run(const QStringList& arguments);
} // namespace CliCommands
