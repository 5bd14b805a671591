#!/usr/bin/env node
// Prints what the emulator received and the campaigns it holds (used by scripts/demo).
// Usage: emulator-report.cjs <emulator url> [--clear]   (--clear forgets the received requests)
const [url, flag] = process.argv.slice(2);

async function main() {
    if (flag === "--clear") {
        await fetch(`${url}/__emulator/requests`, { method: "DELETE" });
        return;
    }
    const { requests } = await (await fetch(`${url}/__emulator/requests`)).json();
    console.log("==> What the emulator received in this run (method path -> status)");
    if (requests.length === 0) console.log("  (nothing: no API call was needed)");
    for (const r of requests) {
        const query = new URLSearchParams(r.query ?? {}).toString();
        const name = r.body && r.body.name ? `  (${r.body.name})` : "";
        console.log(`  ${r.method} ${r.path}${query ? `?${query}` : ""} -> ${r.status}${name}`);
    }
    const { campaigns } = await (await fetch(`${url}/__emulator/campaigns`)).json();
    console.log("\n==> Campaigns the emulator holds now");
    if (campaigns.length === 0) console.log("  (none)");
    for (const c of campaigns) console.log(`  ${c._id}  ${c.status.padEnd(9)} ${c.name}`);
}

main().catch((err) => {
    console.error(`emulator-report: ${err.message}`);
    process.exit(1);
});
