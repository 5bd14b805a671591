// mocha's spec reporter plus one closing line CI can read: "N passed, N failed[, N skipped]".
const Mocha = require("mocha");

class SpecWithTotals extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const { passes, failures, pending } = runner.stats;
            const line = `${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ""}`;
            process.stdout.write(`${line}\n`);
            // scripts/test repeats it after the coverage report, so it stays the closing line.
            if (process.env.MOCHA_TOTALS_FILE) require("node:fs").writeFileSync(process.env.MOCHA_TOTALS_FILE, `${line}\n`);
        });
    }
}

module.exports = SpecWithTotals;
