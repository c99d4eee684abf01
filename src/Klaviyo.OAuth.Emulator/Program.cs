Console.WriteLine("emulator placeholder");
