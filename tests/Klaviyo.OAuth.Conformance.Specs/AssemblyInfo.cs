using NUnit.Framework;

// Scenarios are independent (each provisions its own client, user and tokens), so they run in parallel.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(8)]
