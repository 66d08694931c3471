#!/bin/sh
# First steps with the hub, from the repository root, while it runs (`npm run dev`, or `npm start`):
#   sh examples/first-steps.sh
# Tokens come from `npm run -s token` (-s: npm prints no banner, so $(…) captures the token alone). It creates a
# demo institution and bank, imports examples/guarantees.csv and .xlsx for them, and asks the first questions.
# Needs curl and node. HUB=http://host:port/graphql to talk to another hub.
set -eu
HUB=${HUB:-http://127.0.0.1:4000/graphql}

# gql TOKEN QUERY [VARIABLES-JSON]: POSTs one operation and prints the JSON answer.
gql() {
  body=$(node -e 'process.stdout.write(JSON.stringify({ query: process.argv[1], variables: JSON.parse(process.argv[2] || "{}") }))' "$2" "${3:-}")
  curl -sS -H "Authorization: Bearer $1" -H 'content-type: application/json' --data-binary "$body" "$HUB"
  echo
}
# pick JSON PATH: one value of an answer, e.g. pick "$answer" data.createBank.id
pick() { node -e 'let v = JSON.parse(process.argv[1]); for (const k of process.argv[2].split(".")) v = v?.[k]; if (v == null) { console.error(process.argv[1]); process.exit(1); } console.log(v)' "$1" "$2"; }

FINANCE=$(npm run -s token -- --role FINANCE)
REGULATOR=$(npm run -s token -- --role FINANCIAL_REGULATOR)

echo '# Who am I, and the regions (their codes go in the CSV column region_code)'
gql "$FINANCE" '{ me { role regionId } regions { code name kind } }'

echo '# A guarantee institution (FINANCE creates them) in 东昌府区'
REGION=$(pick "$(gql "$FINANCE" '{ regions { id code } }' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify({id:JSON.parse(s).data.regions.find(r=>r.code==="371502").id})))')" id)
SUFFIX=$(node -e 'console.log(String(Date.now()).slice(-6))')
CREDIT=$(node -e '
  const first = "91371502MA" + process.argv[1].padStart(7, "0");
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY", w = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
  const sum = [...first].reduce((s, c, i) => s + chars.indexOf(c) * w[i], 0);
  console.log(first + chars[(31 - (sum % 31)) % 31]);' "$SUFFIX")
INSTITUTION=$(pick "$(gql "$FINANCE" 'mutation ($input: InstitutionInput!) { createInstitution(input: $input) { id name creditCode } }' \
  "{\"input\":{\"name\":\"示例融资担保有限公司$SUFFIX\",\"creditCode\":\"$CREDIT\",\"level\":\"COUNTY\",\"regionId\":\"$REGION\",\"registeredCapital\":\"500000000.00\",\"paidInCapital\":\"500000000.00\",\"netAssets\":\"520000000.00\"}}")" data.createInstitution.id)
echo "institution $INSTITUTION (credit code $CREDIT)"

echo '# A bank (the financial regulator creates them)'
BANK=$(pick "$(gql "$REGULATOR" 'mutation ($input: BankInput!) { createBank(input: $input) { id name } }' \
  "{\"input\":{\"name\":\"示例农村商业银行$SUFFIX\",\"kind\":\"RURAL_COMMERCIAL\",\"regionId\":\"$REGION\"}}")" data.createBank.id)
echo "bank $BANK"

echo '# 总对总 import: the example files leave bank_id empty, --bank fills it; --institution takes the credit code'
npm run -s import -- --institution "$CREDIT" --bank "$BANK" examples/guarantees.csv
npm run -s import -- --institution "$CREDIT" --bank "$BANK" examples/guarantees.xlsx

echo '# The institution sees its guarantees'
OWN=$(npm run -s token -- --role GUARANTEE_INSTITUTION --institution-id "$INSTITUTION")
gql "$OWN" '{ guarantees(first: 5) { totalCount edges { node { code guaranteedAmount feeRate smallAgri borrower { name identifier } } } } }'

echo '# The city dashboard (FINANCE) for November 2026'
gql "$FINANCE" '{ dashboard(filter: { from: "2026-11-01", to: "2026-11-30" }) { total { newCount newAmount smallAgriAmount averageFeeRate } } }'
