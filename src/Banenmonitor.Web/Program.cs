using Banenmonitor.Web;

var app = BanenmonitorApp.Build(args);
await BanenmonitorApp.PrepareAsync(app);
if (app.Services.GetRequiredService<IConfiguration>().GetValue<bool>("Banenmonitor:PrintUrl"))
{
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var url in app.Urls) Console.WriteLine($"Banenmonitor draait op {url}  (stoppen: Ctrl+C)");
    });
}
await app.RunAsync();
