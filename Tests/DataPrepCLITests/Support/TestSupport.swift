// Every file of this target sees the shared test support (CommandRunner, SharedData, ...).
@_exported import DataPrepTestSupport
