var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Banenmonitor");
app.Run();

public partial class Program;
