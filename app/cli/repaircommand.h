#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli repair PROFILE --table DB.T --from NAME [--yes|--dry-run]`: the row differences of one
 *  table (RowRepair); --dry-run prints the SQL, --yes applies it on the other server with sql_log_bin = 0
 *  and compares again. Exit 0 equal (after the repair with --yes), 1 differs or failed, 2 bad input. */
class RepairCommand
{
    Q_DECLARE_TR_FUNCTIONS(RepairCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
