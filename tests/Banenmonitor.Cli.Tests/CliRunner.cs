using Banenmonitor.Cli;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Banenmonitor.Cli.Tests;

/// <summary>Runs the real <c>banenmonitor</c> entry point in-process, capturing standard output and error.</summary>
public static class CliRunner
{
    private static readonly Lock Gate = new();

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try { return (BanenmonitorCli.Run(args), o.ToString(), e.ToString()); }
            finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
        }
    }
}
