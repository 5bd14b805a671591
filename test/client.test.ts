// The API client's handling of Kore.ai's answers, against small stub servers for what the emulator
// does not do (pages capped below the limit asked for, loosely documented stop/delete answers).
import { expect } from "chai";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { apiMessage, createKoreCampaignApi, unwrapEnvelope } from "../provider/client";
import type { KoreSettings } from "../provider/settings";

async function stub(handler: (req: http.IncomingMessage, body: string) => { status: number; body: unknown }) {
    const server = http.createServer((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c)).on("end", () => {
            const out = handler(req, body);
            res.writeHead(out.status, { "content-type": "application/json" }).end(JSON.stringify(out.body));
        });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const settings: KoreSettings = {
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        iid: "st-1",
        accountId: "acc-1",
        credentials: { kind: "jwt", jwt: "h.p.s" },
        tuning: { requestTimeoutSeconds: 5, maxRetries: 0 },
    };
    return { api: await createKoreCampaignApi(settings), close: () => new Promise((r) => server.close(r)) };
}

describe("API client", () => {
    it("pages the list by what came back, when Kore.ai returns fewer rows than the limit asked for", async () => {
        const all = Array.from({ length: 35 }, (_, i) => ({ id: `cd-${i}`, name: `Campaign ${i}` }));
        const skips: number[] = [];
        const { api, close } = await stub((_req, body) => {
            const { skip } = JSON.parse(body);
            skips.push(skip);
            const results = all.slice(skip, skip + 10); // capped at 10, whatever the limit
            return {
                status: 200,
                body: { status: "success", data: { results, hasMore: skip + 10 < all.length, totalResults: all.length } },
            };
        });
        try {
            expect(await api.findCampaignsByName("CAMPAIGN 34")).to.deep.equal([{ id: "cd-34", name: "Campaign 34" }]);
            expect(skips).to.deep.equal([0, 10, 20, 30]);
        } finally {
            await close();
        }
    });

    it("follows totalResults when hasMore is absent", async () => {
        const all = Array.from({ length: 12 }, (_, i) => ({ id: `cd-${i}`, name: `C${i}` }));
        const { api, close } = await stub((_req, body) => {
            const { skip } = JSON.parse(body);
            return { status: 200, body: { status: "success", data: { results: all.slice(skip, skip + 5), totalResults: all.length } } };
        });
        try {
            expect(await api.findCampaignsByName("c11")).to.have.length(1);
        } finally {
            await close();
        }
    });

    it("takes any 2xx answer to stop and delete as success unless it says failure", async () => {
        const answers = [{ status: "Stopped" }, {}, { status: "success", message: "Campaign deleted" }];
        let next = 0;
        const { api, close } = await stub(() => ({ status: 200, body: answers[next++ % answers.length] }));
        try {
            await api.stopCampaign("cd-1");
            expect(await api.deleteCampaign("cd-1")).to.equal("deleted");
            expect(await api.deleteCampaign("cd-1")).to.equal("deleted");
        } finally {
            await close();
        }
    });

    const envelopes: [string, unknown, boolean, string | undefined][] = [
        ["success with data", { status: "success", data: { _id: "x" } }, true, undefined],
        ["failure status on a 2xx", { status: "failure", message: "quota exceeded" }, false, "Kore.ai did not accept op: quota exceeded"],
        ["success without data where data is needed", { status: "success" }, true, "Kore.ai's answer to op has no data"],
        ["a campaign status on a stop answer", { status: "Stopped" }, false, undefined],
        ["a campaign status where the envelope is required", { status: "Stopped", data: {} }, true, "Kore.ai did not accept op: Stopped"],
    ];
    for (const [title, body, requireData, error] of envelopes) {
        it(`envelope: ${title}`, () => {
            const run = () => unwrapEnvelope("op", body, requireData);
            if (error) expect(run).to.throw(error);
            else expect(run).to.not.throw();
        });
    }

    it("shows each of Kore.ai's errors once, with its field or code", () => {
        expect(
            apiMessage({
                status: "failure",
                message: "Name too long",
                errors: [
                    { msg: "Name too long", code: 400, field: "name" },
                    { msg: "Bad list", code: 400 },
                ],
            }),
        ).to.equal("Name too long (field name); Bad list (code 400)");
        expect(apiMessage({ errors: [{ msg: "Invalid SDK credentials", code: 4002 }] })).to.equal("Invalid SDK credentials (code 4002)");
        expect(apiMessage("<html>bad gateway</html>")).to.equal("<html>bad gateway</html>");
        expect(apiMessage(undefined)).to.equal(undefined);
    });
});
