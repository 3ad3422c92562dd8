Console.WriteLine("InteropHub sandbox: platform sandboxes arrive with the sandbox work.");
