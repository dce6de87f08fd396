#pragma once

// QuitSignalWatcher moved into the platform layer; this header keeps old includes working.
#include "platform/quitsignalwatcher.h"
