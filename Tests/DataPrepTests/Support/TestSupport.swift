// Every file of this target sees the shared test support (SharedData, ScratchFolder, ...).
@_exported import DataPrepTestSupport
