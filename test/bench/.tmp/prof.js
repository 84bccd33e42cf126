const {createMemoryStore}=require('@kinerja/eventstore');
const c=require('/work/main/test/bench/commands');
(async()=>{
 const s=createMemoryStore(); await c.runEmployees(c.kinerjaHandler(s),{employees:1000,inFlight:16});
 let t=Date.now(); await c.runEmployees(c.kinerjaHandler(s),{first:1000,employees:4000,inFlight:16}); console.log('kinerja mem',20000/((Date.now()-t)/1000));
})();
