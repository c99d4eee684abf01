using NUnit.Framework;

// Every fixture owns its own emulator and loopback servers on free ports, so fixtures can run side
// by side; two at a time suits a 2-core machine, where each suite run is itself a process tree.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
