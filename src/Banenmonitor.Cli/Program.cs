using System.CommandLine;
using Banenmonitor.Cli;
using Banenmonitor.Cli.Commands;

return BanenmonitorCli.Run(args);

namespace Banenmonitor.Cli
{
    /// <summary>Entry point of the <c>banenmonitor</c> command-line tool. Each command lives in Commands/.</summary>
    public static class BanenmonitorCli
    {
        public static RootCommand BuildRoot()
        {
            var root = new RootCommand("Banenmonitor — de banenafspraak in cijfers, met uitleg tot op het wetsartikel");
            foreach (var c in Commands()) root.Subcommands.Add(c);
            return root;
        }

        /// <summary>All commands. Add a new command here (one file per command under Commands/).</summary>
        private static IEnumerable<Command> Commands() =>
        [
            QuotumCommand.Build(),
            MetingCommand.Build(),
            ParametersCommand.Build(),
            QuotumpercentageCommand.Build(),
            VergelijkCommand.Build(),
            ControleCommand.Build(),
            RapportCommand.Build(),
            ImportCommand.Build(),
            SjabloonCommand.Build(),
            ExportCommand.Build(),
            AuditCommand.Build(),
            DatabaseCommand.Build(),
            EnqueteCommand.Build(),
            SynthetischCommand.Build(),
            LandelijkCommand.Build(),
            SectorCommand.Build(),
            SleutelCommand.Build(),
            PrognoseCommand.Build(),
            ScenarioCommand.Build(),
        ];

        public static int Run(string[] args)
        {
            var root = BuildRoot();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors) Console.Error.WriteLine("Fout: " + Translate(e.Message));
                Console.Error.WriteLine("Gebruik 'banenmonitor --help' voor de mogelijkheden.");
                return 2;
            }
            try
            {
                return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (CliException e)
            {
                Console.Error.WriteLine("Fout: " + e.Message);
                return e.ExitCode;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine("Fout bij lezen of schrijven: " + e.Message);
                return 3;
            }
        }

        internal static string Translate(string message)
        {
            var m = System.Text.RegularExpressions.Regex.Match(message, "Unrecognized command or argument '(.*)'");
            if (m.Success) return $"onbekend commando of argument '{m.Groups[1].Value}'.";
            m = System.Text.RegularExpressions.Regex.Match(message, "Required argument missing for (command|option): '(.*)'");
            if (m.Success) return $"waarde ontbreekt voor '{m.Groups[2].Value}'.";
            m = System.Text.RegularExpressions.Regex.Match(message, "Option '(.*)' expects a single argument but (\\d+) were provided");
            if (m.Success) return $"optie '{m.Groups[1].Value}' verwacht één waarde.";
            m = System.Text.RegularExpressions.Regex.Match(message, "Option '(.*)' is required");
            if (m.Success) return $"de optie '{m.Groups[1].Value}' is verplicht.";
            if (message.Contains("Required command was not provided")) return "geef een commando op (bijvoorbeeld quotum, meting, parameters of controle).";
            m = System.Text.RegularExpressions.Regex.Match(message, "Cannot parse argument '(.*)' for option '(.*)'");
            if (m.Success) return $"ongeldige waarde '{m.Groups[1].Value}' voor '{m.Groups[2].Value}'.";
            return "ongeldige invoer (" + message + ")";
        }
    }
}
